import type { SessionId } from '../domain/ids.js';
import type { Session } from '../domain/session.js';
import type { SessionTransition } from '../domain/session-transition.js';

export interface ChangeBatch {
  readonly upsert: Session[];
  readonly remove: SessionId[];
}

/**
 * Coalesces registry changes for subscribers: at most one batch per `intervalMs`, yet a lone
 * change after a quiet spell goes out at once. Within a batch the latest state of a session wins,
 * and a removal cancels an earlier upsert.
 */
export class ChangeBatcher {
  readonly #intervalMs: number;
  readonly #flush: (batch: ChangeBatch) => void;
  readonly #now: () => number;
  /** The latest state of each changed session; null: removed. */
  #pending = new Map<SessionId, Session | null>();
  #lastFlushAt = Number.NEGATIVE_INFINITY;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: { intervalMs: number; now: () => number; flush: (batch: ChangeBatch) => void }) {
    this.#intervalMs = options.intervalMs;
    this.#flush = options.flush;
    this.#now = options.now;
  }

  add(transition: SessionTransition): void {
    const { id } = transition;
    this.#pending.delete(id); // keep insertion order = order of last change
    this.#pending.set(id, transition.after);
    if (this.#timer !== null) return;
    const wait = this.#lastFlushAt + this.#intervalMs - this.#now();
    if (wait <= 0) this.flushNow();
    else this.#timer = setTimeout(() => this.flushNow(), wait);
  }

  flushNow(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.size === 0) return;
    const upsert: Session[] = [];
    const remove: SessionId[] = [];
    for (const [id, session] of this.#pending) {
      if (session !== null) upsert.push(session);
      else remove.push(id);
    }
    this.#pending = new Map();
    this.#lastFlushAt = this.#now();
    this.#flush({ upsert, remove });
  }

  close(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending.clear();
  }
}
