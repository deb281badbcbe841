import type { SessionId } from './ids.js';
import type { SessionEvent } from './session-event.js';
import { reduceSession, type SessionEntry } from './session-reducer.js';
import type { Session, TmuxLocation } from './session.js';
import type { SessionTransition } from './session-transition.js';

/** `transition` is null when the event changed nothing. */
export type ApplyOutcome =
  | { readonly type: 'applied'; readonly transition: SessionTransition | null }
  | { readonly type: 'refused'; readonly reason: 'session-limit'; readonly limit: number };

/** How many ended sessions are remembered to drop their late reports. */
const MAX_REMEMBERED_ENDS = 1_000;

/**
 * The set of live sessions. It holds a mutable Map for speed (1,000 sessions, 1,000 events a
 * second) but does no IO and reads no clock: every rule lives in the pure `reduceSession`, and
 * everything here is deterministic in its arguments.
 */
export class Registry {
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

  apply(event: SessionEvent): ApplyOutcome {
    const endedAt = this.#ended.get(event.sessionId);
    if (endedAt !== undefined) {
      // Claude Code also runs its status line as it exits, and that report can start after
      // SessionEnd's: a status line never brings an ended session back, only a hook does.
      if (event.at <= endedAt || event.change.type === 'metrics') return { type: 'applied', transition: null };
      this.#ended.delete(event.sessionId);
    }
    if (event.change.type === 'ended') this.#rememberEnded(event.sessionId, event.at);
    const before = this.#entries.get(event.sessionId);
    if (before === undefined && event.change.type !== 'ended' && this.#entries.size >= this.#maxSessions) {
      return { type: 'refused', reason: 'session-limit', limit: this.#maxSessions };
    }
    const after = reduceSession(before, event);
    const id = event.sessionId;
    if (after === null) {
      if (before === undefined) return { type: 'applied', transition: null };
      this.#entries.delete(id);
      return { type: 'applied', transition: { id, before: before.session, after: null } };
    }
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

  remove(id: SessionId): SessionTransition | null {
    const before = this.#entries.get(id);
    if (before === undefined) return null;
    this.#entries.delete(id);
    return { id, before: before.session, after: null };
  }

  /** Replaces an entry's bookkeeping (pid start, tmux names) found by the daemon's probes. */
  update(id: SessionId, patch: (entry: SessionEntry) => SessionEntry): SessionTransition | null {
    const before = this.#entries.get(id);
    if (before === undefined) return null;
    const after = patch(before);
    if (after === before) return null;
    this.#entries.set(id, after);
    return { id, before: before.session, after: after.session };
  }

  setTmux(id: SessionId, tmux: TmuxLocation): SessionTransition | null {
    return this.update(id, (entry) => {
      const t = entry.session.tmux;
      if (
        t !== null &&
        t.pane === tmux.pane &&
        t.session === tmux.session &&
        t.window === tmux.window &&
        t.server === tmux.server
      )
        return entry;
      return { ...entry, session: { ...entry.session, tmux } };
    });
  }

  /** Puts back entries read from disk at start-up, up to the session limit. */
  restore(entries: readonly SessionEntry[]): void {
    for (const entry of entries) {
      if (this.#entries.size >= this.#maxSessions) break;
      this.#entries.set(entry.session.id, entry);
    }
  }
}
