import type { FeedEvent, SessionSource } from '../session-source.js';

export interface ScriptStep {
  /** Delay after the previous step. */
  readonly afterMs: number;
  readonly event: FeedEvent | (() => FeedEvent);
}

/**
 * A SessionSource that plays a fixed script (then, optionally, repeats a step forever): the
 * stand-in for the daemon client in the fake dashboard and in tests.
 */
export function createScriptedSource(
  steps: readonly ScriptStep[],
  repeat?: ScriptStep,
): SessionSource & { readonly closed: boolean } {
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    start(listener) {
      const play = (index: number): void => {
        const step = steps[index] ?? repeat;
        if (step === undefined || closed) return;
        timer = setTimeout(() => {
          listener(typeof step.event === 'function' ? step.event() : step.event);
          play(index + 1);
        }, step.afterMs);
      };
      play(0);
    },
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
