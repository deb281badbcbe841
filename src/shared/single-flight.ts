/**
 * Wraps an async lookup so that at most one call per key is in flight: a caller asking while one
 * runs gets the same promise. Periodic refreshes then cannot pile up behind a slow or stuck
 * lookup (a git HEAD on a hung mount): the stuck one holds one slot, not one per round.
 */
export function singleFlight<T>(run: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>();
  return (key) => {
    const pending = inFlight.get(key);
    if (pending !== undefined) return pending;
    const started = run(key).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
