/**
 * (1.2) The answer to a `hook` envelope that asked for `ack`: the report is applied and saved.
 * In a module of its own, without zod, so the hook clients' hot path can name it too.
 */
export const HOOK_ACK = 'ok\n';

/** Whether atmd's answer to a hook report is the ack (a client reads up to the close). */
export function isHookAck(reply: string): boolean {
  return reply.startsWith(HOOK_ACK.trimEnd());
}
