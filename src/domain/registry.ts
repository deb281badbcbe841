import { MAX_CLOCK_SKEW_MS } from './event-time.js';
import type { SessionId } from './ids.js';
import { reduceFact } from './fact-reducer.js';
import type { SessionEvent } from './session-event.js';
import type { SessionFact } from './session-fact.js';
import { reduceSession, type SessionEntry } from './session-reducer.js';
import type { Session } from './session.js';
import type { SessionTransition } from './session-transition.js';

/** `transition` is null when the event changed nothing. */
export type ApplyOutcome =
  | { readonly type: 'applied'; readonly transition: SessionTransition | null }
  | { readonly type: 'refused'; readonly reason: 'session-limit'; readonly limit: number };

/** How many ended sessions are remembered to drop their late reports. */
const MAX_REMEMBERED_ENDS = 1_000;

/** An entry whose event clocks are ahead of the daemon's, brought back to just inside its skew. */
function toClockOf(entry: SessionEntry, nowMs: number): SessionEntry {
  const latest = nowMs + MAX_CLOCK_SKEW_MS;
  if (entry.statusAt <= latest && entry.metricsAt <= latest) return entry;
  const floor = nowMs - MAX_CLOCK_SKEW_MS;
  return { ...entry, statusAt: Math.min(entry.statusAt, floor), metricsAt: Math.min(entry.metricsAt, floor) };
}

/** What the daemon's probes may read; only the Registry itself writes. */
export interface RegistryView {
  readonly size: number;
  get(id: SessionId): SessionEntry | undefined;
  entries(): SessionEntry[];
}

/**
 * The set of live sessions. It holds a mutable Map for speed (1,000 sessions, 1,000 events a
 * second) but does no IO and reads no clock: every rule lives in the pure reducers
 * (`reduceSession` for what agents report, `reduceFact` for what the daemon finds out), and
 * there are exactly two ways in, `apply` and `record`, both through `#commit`.
 */
export class Registry implements RegistryView {
  readonly #entries = new Map<SessionId, SessionEntry>();
  /**
   * When recently ended sessions ended (`at` of their SessionEnd). Hooks race, so a report
   * written before SessionEnd can arrive after it; without this it would bring the session
   * back as a ghost. A later hook (claude --resume) does bring it back; a later status line does not.
   */
  readonly #ended = new Map<SessionId, number>();
  readonly #maxSessions: number;

  constructor(options: { maxSessions: number }) {
    this.#maxSessions = options.maxSessions;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(id: SessionId): SessionEntry | undefined {
    return this.#entries.get(id);
  }

  entries(): SessionEntry[] {
    return [...this.#entries.values()];
  }

  sessions(): Session[] {
    return this.entries().map((entry) => entry.session);
  }

  /**
   * What an agent reported. With `nowMs` (the daemon's clock), an entry whose event clocks are
   * ahead of it (the clock stepped back, or an older atmd believed a fast client) is first
   * brought back to it, so that reports from now on are not all "older" and the session does
   * not freeze.
   */
  apply(event: SessionEvent, nowMs?: number): ApplyOutcome {
    const endedAt = this.#ended.get(event.sessionId);
    if (endedAt !== undefined) {
      // Claude Code also runs its status line as it exits, and that report can start after
      // SessionEnd's: a status line never brings an ended session back, only a hook does.
      if (event.at <= endedAt || event.change.type === 'metrics') return { type: 'applied', transition: null };
      this.#ended.delete(event.sessionId);
    }
    if (event.change.type === 'ended') this.#rememberEnded(event.sessionId, event.at);
    const before = this.#entries.get(event.sessionId);
    const base = before === undefined || nowMs === undefined ? before : toClockOf(before, nowMs);
    return this.#commit(event.sessionId, before, reduceSession(base, event));
  }

  /** What the daemon found out (a liveness verdict, a pane, tmux names, a branch, a restored entry). */
  record(fact: SessionFact): ApplyOutcome {
    const before = this.#entries.get(fact.id);
    const after = reduceFact(before, fact);
    return this.#commit(fact.id, before, after === undefined ? null : after);
  }

  /** The one place an entry is written. A new session beyond the limit is refused. */
  #commit(id: SessionId, before: SessionEntry | undefined, after: SessionEntry | null): ApplyOutcome {
    if (after === before) return { type: 'applied', transition: null };
    if (after === null) {
      if (before === undefined) return { type: 'applied', transition: null };
      this.#entries.delete(id);
      return { type: 'applied', transition: { id, before: before.session, after: null } };
    }
    if (before === undefined && this.#entries.size >= this.#maxSessions)
      return { type: 'refused', reason: 'session-limit', limit: this.#maxSessions };
    this.#entries.set(id, after);
    return { type: 'applied', transition: { id, before: before?.session ?? null, after: after.session } };
  }

  #rememberEnded(id: SessionId, at: number): void {
    this.#ended.delete(id);
    this.#ended.set(id, at);
    if (this.#ended.size > MAX_REMEMBERED_ENDS) {
      const oldest = this.#ended.keys().next();
      if (oldest.done !== true) this.#ended.delete(oldest.value);
    }
  }
}
