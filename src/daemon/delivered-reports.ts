/**
 * The ids of the one-shot reports atmd applied lately, so that a report sent again (its client
 * got no ack: atmd was restarting, was killed after the apply, or was busy past the client's
 * timeout) is acked without being applied twice. Sits before the reducer: a duplicate never
 * reaches the registry. Bounded in time (a client resends for a few seconds at most) and in
 * count (memory, and the bytes it adds to every save). Saved with the sessions, because the ack
 * follows a save: an id must be on disk whenever the report it names is.
 */

/** How long an applied report's id is remembered: far past any client's resends (about 8 s). */
export const DELIVERED_WINDOW_MS = 120_000;
/** At most this many ids (oldest go first); about 60 bytes each in memory and in the state file. */
export const MAX_DELIVERED_IDS = 2_048;

/** One remembered id and when (the daemon's clock, epoch ms) its report was taken. */
export type DeliveredId = readonly [id: string, atMs: number];

/**
 * What `claim` hands the first copy of a report: `applied()` once its change is in the registry
 * (in the same turn, so a save never holds the change without its id), `done()` when it was
 * handled without reaching the registry (refused: a copy would be refused again), and
 * `abandon()` if handling it failed (a bug): a copy is then handled afresh. The first call counts.
 */
export interface DeliveryClaim {
  applied(): void;
  done(): void;
  abandon(): void;
}

export type ClaimResult =
  | { readonly type: 'new'; readonly claim: DeliveryClaim }
  /** Taken before: ack it, apply nothing. */
  | { readonly type: 'duplicate' }
  /** Its first copy is being handled now: wait for `settled`, then claim again. */
  | { readonly type: 'pending'; readonly settled: Promise<void> };

export class DeliveredReports {
  readonly #now: () => number;
  readonly #windowMs: number;
  readonly #max: number;
  /** Settled ids, oldest first (a Map keeps insertion order). */
  readonly #settled = new Map<string, number>();
  /** Ids whose first copy is being handled now, with what a duplicate waits for. */
  readonly #pending = new Map<string, Promise<void>>();

  constructor(options: { now: () => number; windowMs?: number; maxIds?: number }) {
    this.#now = options.now;
    this.#windowMs = options.windowMs ?? DELIVERED_WINDOW_MS;
    this.#max = options.maxIds ?? MAX_DELIVERED_IDS;
  }

  get size(): number {
    return this.#settled.size;
  }

  claim(id: string): ClaimResult {
    this.#prune();
    const pending = this.#pending.get(id);
    if (pending !== undefined) return { type: 'pending', settled: pending };
    if (this.#settled.has(id)) return { type: 'duplicate' };
    let release = (): void => undefined;
    this.#pending.set(id, new Promise<void>((resolve) => (release = resolve)));
    const settle = (keep: boolean): void => {
      if (!this.#pending.has(id)) return;
      this.#pending.delete(id);
      if (keep) this.#remember(id, this.#now());
      release();
    };
    return {
      type: 'new',
      claim: { applied: () => settle(true), done: () => settle(true), abandon: () => settle(false) },
    };
  }

  /** The ids still inside the window, oldest first: what a save writes next to the sessions. */
  toSaved(): DeliveredId[] {
    this.#prune();
    return [...this.#settled];
  }

  /** Puts back what an earlier atmd saved; ids outside the window (by this clock) are dropped. */
  restore(saved: readonly DeliveredId[]): void {
    const now = this.#now();
    const kept = saved.filter(([, atMs]) => this.#inWindow(atMs, now)).sort((a, b) => a[1] - b[1]);
    for (const [id, atMs] of kept) this.#remember(id, atMs);
  }

  #remember(id: string, atMs: number): void {
    this.#settled.delete(id);
    this.#settled.set(id, atMs);
    if (this.#settled.size > this.#max) this.#dropOldest();
  }

  /**
   * Drops ids past the window. Insertion order is time order unless the clock stepped back; then
   * an old id may outlive its window behind a newer one, still within the count.
   */
  #prune(): void {
    const now = this.#now();
    for (const [id, atMs] of this.#settled) {
      if (this.#inWindow(atMs, now)) break;
      this.#settled.delete(id);
    }
  }

  /** Within the window of `now`, either way (an id "from the future" was saved before a clock step back). */
  #inWindow(atMs: number, now: number): boolean {
    return atMs >= now - this.#windowMs && atMs <= now + this.#windowMs;
  }

  #dropOldest(): void {
    const first = this.#settled.keys().next();
    if (first.done !== true) this.#settled.delete(first.value);
  }
}
