/** The signals that end atmd. SIGHUP (its terminal closed, or `kill -HUP`) saves and exits too. */
export const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

export interface StopSignals {
  /** Resolves with the first stop signal, however early it came. */
  readonly first: Promise<StopSignal>;
  /** How many stop signals came after the first (they are ignored: the first one already saves). */
  readonly repeats: number;
}

/**
 * Catches the stop signals from the first line atmd runs. A signal's default action kills the
 * process on the spot, so one that came while atmd was still starting (restoring, binding,
 * chmod-ing the socket) used to end it without the final save (issue 10, defect 7). Caught, it
 * is handled once start-up is done, and a second one while stopping does not cut the save short.
 */
export function catchStopSignals(target: Pick<NodeJS.Process, 'on'> = process): StopSignals {
  let resolveFirst: (signal: StopSignal) => void = () => undefined;
  const first = new Promise<StopSignal>((resolve) => (resolveFirst = resolve));
  let caught = false;
  const state = { first, repeats: 0 };
  for (const signal of STOP_SIGNALS) {
    target.on(signal, () => {
      if (caught) state.repeats += 1;
      caught = true;
      resolveFirst(signal);
    });
  }
  return state;
}
