import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polling, never sleep-and-hope: call `probe` until it returns something other than undefined,
 * or fail after `timeoutMs` with a message naming `what` and the last thing seen.
 */
export interface PollOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Human description for the timeout error, e.g. "permission dialog on screen". */
  readonly what: string;
  /** Renders the last state into the timeout error (for example the pane's screen). */
  readonly describeLast?: () => string | Promise<string>;
}

export class PollTimeoutError extends Error {
  override readonly name = 'PollTimeoutError';
}

export async function pollUntil<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  options: PollOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 50;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) {
      const last = options.describeLast === undefined ? '' : `\n--- last seen ---\n${await options.describeLast()}`;
      throw new PollTimeoutError(`timed out after ${options.timeoutMs} ms waiting for ${options.what}${last}`);
    }
    await delay(intervalMs);
  }
}
