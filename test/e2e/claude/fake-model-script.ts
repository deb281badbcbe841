import { z } from 'zod';

/**
 * The scripted "model" behind the fake Messages API: which reply Claude Code gets for a request.
 * Pure: the HTTP shell in fake-model.ts parses the body and streams whatever this returns.
 *
 * Claude Code resends the whole conversation on every request (earlier turns, `system`-role
 * entries, injected `<system-reminder>` text), so a rule keys on the latest human turn's text
 * and on how many tool results already followed it, never on the message count.
 */

/** Token counts reported in `message_start` and `message_delta`, as the real API does. */
export interface FakeUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheCreationInputTokens?: number;
  readonly cacheReadInputTokens?: number;
}

export type FakeReply =
  | { readonly kind: 'text'; readonly text: string; readonly usage?: FakeUsage; readonly delayMs?: number }
  | {
      /** An HTTP error in the API's error shape. 4xx (not 429) is not retried by Claude Code. */
      readonly kind: 'error';
      readonly status: number;
      readonly errorType: string;
      readonly message: string;
      readonly delayMs?: number;
    }
  | {
      readonly kind: 'tool_use';
      readonly name: string;
      readonly input: Readonly<Record<string, unknown>>;
      /** Optional text block streamed before the tool_use block, like a real model's preamble. */
      readonly text?: string;
      readonly usage?: FakeUsage;
      readonly delayMs?: number;
    };

/**
 * One scripted exchange. `match` is tested against the latest human turn's text (substring for a
 * string). `steps[n]` answers after n tool results have followed that turn, so
 * `[bashCall, text('done')]` runs one tool and then ends the turn. Past the last step the model
 * says `finalText` (default "Done.") so a misbehaving scenario ends instead of looping.
 */
export interface FakeRule {
  readonly match: string | RegExp;
  readonly steps: readonly FakeReply[];
  readonly finalText?: string;
}

export interface FakeScript {
  readonly rules: readonly FakeRule[];
  /** Reply when no rule matches a main-loop request. */
  readonly fallback?: FakeReply;
  /** Reply to side requests (no tools offered: title generation, summaries, ...). */
  readonly sideReply?: FakeReply;
}

const contentBlockSchema = z.looseObject({ type: z.string(), text: z.string().optional() });
const messageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(contentBlockSchema)]),
});

/** The parts of a Messages API request body the script looks at; everything else is kept as-is. */
export const messagesRequestSchema = z.looseObject({
  model: z.string().optional().catch(undefined),
  stream: z.boolean().optional().catch(undefined),
  messages: z.array(messageSchema).catch([]),
  tools: z
    .array(z.looseObject({ name: z.string() }))
    .optional()
    .catch(undefined),
});
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;
type Message = MessagesRequest['messages'][number];

/** What the script keys on, derived from one request. */
export interface TurnView {
  /** Human text of the latest user turn (its text blocks minus Claude Code's injected ones). */
  readonly humanText: string;
  /** How many user messages with a tool_result came after that human message. */
  readonly toolResultsSince: number;
  /** False for side requests: Claude Code offers no tools when it asks for a title or summary. */
  readonly hasTools: boolean;
}

/**
 * Text blocks Claude Code adds itself rather than the human: `<system-reminder>` context, and the
 * interrupt marker it writes after Esc ("[Request interrupted by user for tool use]").
 */
const isInjectedText = (text: string): boolean =>
  text.trimStart().startsWith('<system-reminder>') || text.startsWith('[Request interrupted by user');

function humanTextOf(message: Message): string {
  if (typeof message.content === 'string') return isInjectedText(message.content) ? '' : message.content;
  return message.content
    .flatMap((block) =>
      block.type === 'text' && block.text !== undefined && !isInjectedText(block.text) ? [block.text] : [],
    )
    .join('\n');
}

const hasToolResult = (message: Message): boolean =>
  Array.isArray(message.content) && message.content.some((block) => block.type === 'tool_result');

/**
 * Find the latest human turn: the last user message with human text. After an Esc, Claude Code
 * sends the cancelled tool_result, the interrupt marker and the next prompt as ONE user message,
 * so "has a tool_result" does not mean "is not a human turn".
 */
export function toTurnView(request: MessagesRequest): TurnView {
  const hasTools = (request.tools?.length ?? 0) > 0;
  let toolResultsSince = 0;
  for (let index = request.messages.length - 1; index >= 0; index -= 1) {
    const message = request.messages[index];
    if (message === undefined || message.role !== 'user') continue;
    const humanText = humanTextOf(message);
    if (humanText !== '') return { humanText, toolResultsSince, hasTools };
    if (hasToolResult(message)) toolResultsSince += 1;
  }
  return { humanText: '', toolResultsSince, hasTools };
}

const DEFAULT_FALLBACK: FakeReply = { kind: 'text', text: 'OK.' };
const DEFAULT_SIDE_REPLY: FakeReply = { kind: 'text', text: 'Fake session' };

const matches = (rule: FakeRule, text: string): boolean =>
  typeof rule.match === 'string' ? text.includes(rule.match) : rule.match.test(text);

/** Pick the reply for one request. Total: every request gets an answer. */
export function chooseReply(script: FakeScript, turn: TurnView): FakeReply {
  if (!turn.hasTools) return script.sideReply ?? DEFAULT_SIDE_REPLY;
  const rule = script.rules.find((candidate) => matches(candidate, turn.humanText));
  if (rule === undefined) return script.fallback ?? DEFAULT_FALLBACK;
  return rule.steps[turn.toolResultsSince] ?? { kind: 'text', text: rule.finalText ?? 'Done.' };
}
