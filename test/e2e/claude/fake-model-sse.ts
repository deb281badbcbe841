import type { FakeReply, FakeUsage } from './fake-model-script.js';

/** A reply that becomes a message (errors are answered by the HTTP shell instead). */
export type MessageReply = Exclude<FakeReply, { kind: 'error' }>;

/**
 * Turns one scripted reply into the Messages API's streaming events, in the order the real API
 * sends them: message_start (with usage), per block content_block_start / _delta / _stop,
 * message_delta (stop_reason + usage), message_stop. Pure, so the byte shape is unit-testable.
 */

export interface SseEvent {
  readonly event: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ReplyIds {
  readonly messageId: string;
  readonly toolUseId: string;
  readonly model: string;
}

const DEFAULT_USAGE: FakeUsage = { inputTokens: 1200, outputTokens: 40 };

/** The API's snake_case usage block; cache fields are always present, as in real responses. */
export function toApiUsage(usage: FakeUsage = DEFAULT_USAGE): Record<string, number> {
  return {
    input_tokens: usage.inputTokens,
    cache_creation_input_tokens: usage.cacheCreationInputTokens ?? 0,
    cache_read_input_tokens: usage.cacheReadInputTokens ?? 0,
    output_tokens: usage.outputTokens,
  };
}

/** Content blocks as they appear in a complete (non-streamed) message. */
export function toContentBlocks(reply: MessageReply, ids: ReplyIds): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  if (reply.text !== undefined && reply.text !== '') blocks.push({ type: 'text', text: reply.text });
  if (reply.kind === 'tool_use')
    blocks.push({ type: 'tool_use', id: ids.toolUseId, name: reply.name, input: reply.input });
  return blocks;
}

export const toStopReason = (reply: MessageReply): 'tool_use' | 'end_turn' =>
  reply.kind === 'tool_use' ? 'tool_use' : 'end_turn';

/** A complete message object, for clients that ask without `stream: true`. */
export function toMessageJson(reply: MessageReply, ids: ReplyIds): Record<string, unknown> {
  return {
    id: ids.messageId,
    type: 'message',
    role: 'assistant',
    model: ids.model,
    content: toContentBlocks(reply, ids),
    stop_reason: toStopReason(reply),
    stop_sequence: null,
    usage: toApiUsage(reply.usage),
  };
}

function blockEvents(index: number, block: Record<string, unknown>): SseEvent[] {
  // Text streams as one text_delta; tool input streams as JSON text (input_json_delta), with the
  // start block carrying an empty input object, exactly like the real API.
  const isTool = block['type'] === 'tool_use';
  const start = isTool ? { ...block, input: {} } : { type: 'text', text: '' };
  const delta = isTool
    ? { type: 'input_json_delta', partial_json: JSON.stringify(block['input']) }
    : { type: 'text_delta', text: block['text'] };
  return [
    { event: 'content_block_start', data: { type: 'content_block_start', index, content_block: start } },
    { event: 'content_block_delta', data: { type: 'content_block_delta', index, delta } },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index } },
  ];
}

export function toSseEvents(reply: MessageReply, ids: ReplyIds): SseEvent[] {
  const usage = toApiUsage(reply.usage);
  const message = {
    ...toMessageJson(reply, ids),
    content: [],
    stop_reason: null,
    usage: { ...usage, output_tokens: 1 },
  };
  return [
    { event: 'message_start', data: { type: 'message_start', message } },
    ...toContentBlocks(reply, ids).flatMap((block, index) => blockEvents(index, block)),
    {
      event: 'message_delta',
      data: { type: 'message_delta', delta: { stop_reason: toStopReason(reply), stop_sequence: null }, usage },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ];
}

/** One event on the wire: `event:` line, `data:` line, blank line. */
export const encodeSseEvent = (event: SseEvent): string =>
  `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
