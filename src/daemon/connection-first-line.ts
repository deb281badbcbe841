import type { LogFields } from '../platform/logger.js';
import { clientMessageSchema, envelopeSchema, type Envelope } from '../protocol/messages.js';
import { isCompatibleVersion } from '../protocol/version.js';
import { describeFirstIssue, isEnvelopeLike, parseJson } from '../protocol/wire-parsing.js';

/** What a connection's first line says it is. Pure: the connection acts on it. */
export type FirstLine =
  | { readonly type: 'envelope'; readonly envelope: Envelope }
  /** An envelope atmd will not take: log why, answer `answer` (or nothing) and close. */
  | {
      readonly type: 'refused-envelope';
      readonly log: string;
      readonly fields: LogFields;
      readonly answer: string | null;
    }
  | { readonly type: 'hello'; readonly protocolVersion: string }
  | { readonly type: 'bad-json'; readonly reason: string }
  | { readonly type: 'bad-message'; readonly reason: string }
  | { readonly type: 'not-hello' };

const DIFFER = 'atm: hooks and daemon differ in version; run `atm setup`\n';

export function readFirstLine(text: string): FirstLine {
  const json = parseJson(text);
  if (!json.ok) return { type: 'bad-json', reason: json.reason };
  if (isEnvelopeLike(json.value)) {
    const parsed = envelopeSchema.safeParse(json.value);
    if (!parsed.success)
      return {
        type: 'refused-envelope',
        log: 'bad one-shot envelope',
        fields: { issue: describeFirstIssue(parsed.error) },
        answer: null,
      };
    if (!isCompatibleVersion(parsed.data.atm))
      return {
        type: 'refused-envelope',
        log: 'one-shot client speaks another protocol',
        fields: { clientVersion: parsed.data.atm },
        answer: parsed.data.kind === 'status' ? DIFFER : null,
      };
    return { type: 'envelope', envelope: parsed.data };
  }
  const message = clientMessageSchema.safeParse(json.value);
  if (!message.success) return { type: 'bad-message', reason: describeFirstIssue(message.error) };
  if (message.data.type !== 'hello') return { type: 'not-hello' };
  return { type: 'hello', protocolVersion: message.data.protocolVersion };
}
