import type { ClientMessage, DaemonMessage } from './messages.js';

/** One message, one line. JSON.stringify never emits a raw newline, so framing is safe. */
export function encodeMessage(message: ClientMessage | DaemonMessage): string {
  return `${JSON.stringify(message)}\n`;
}
