import { isHookAck } from '../protocol/hook-ack.js';
import type { OneShotResult } from './one-shot.js';

/** As the shim: at most 3 tries of one hook report, the same bytes each time. */
export const HOOK_TRIES = 3;
/** The pause between tries: a restarting atmd (or systemd re-activating it) needs a moment. */
export const RESEND_PAUSE_MS = 250;

export interface HookDeliveryPorts {
  /** One try: connect, send the report, read the answer, within `timeoutMs`. */
  send(timeoutMs: number): Promise<OneShotResult>;
  /** Whether atm's socket is there (and may be used): no socket, no point in trying again. */
  socketPresent(): boolean;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface HookDelivery {
  readonly acked: boolean;
  readonly tries: number;
}

/**
 * Sends a hook report that asked for the ack until atmd says `ok` (applied and saved): again when
 * the connection failed or closed without it (atmd restarting, or killed while it held the
 * report), at most HOOK_TRIES times, while the socket exists, all within `budgetMs`. Every copy
 * carries the same envelope id, so one that did arrive unacked is not applied twice. Never throws.
 */
export async function deliverHookReport(ports: HookDeliveryPorts, budgetMs: number): Promise<HookDelivery> {
  const deadline = ports.now() + budgetMs;
  for (let tries = 1; ; tries += 1) {
    const left = deadline - ports.now();
    const result = await ports
      .send(Math.max(1, left))
      .catch((error: unknown): OneShotResult => ({ ok: false, reason: String(error) }));
    if (result.ok && isHookAck(result.reply)) return { acked: true, tries };
    if (tries >= HOOK_TRIES || !ports.socketPresent()) return { acked: false, tries };
    if (deadline - ports.now() <= RESEND_PAUSE_MS) return { acked: false, tries };
    await ports.sleep(RESEND_PAUSE_MS);
  }
}
