import type { FeedEvent } from '../client/session-feed.js';
import type { Session, SessionStatus } from '../domain/session.js';
import { sanitizeTerminalText } from '../shared/terminal-text.js';

/**
 * `atm watch`: the session feed as lines, pure. The first line after each (re)connect is a
 * snapshot; after it, one line per session whose watched fields changed (a report that changes
 * nothing they show prints nothing). docs/PROTOCOL.md documents the JSON lines.
 */
export const UNTIL_STATES = ['waiting', 'idle', 'gone'] as const;
export type UntilState = (typeof UNTIL_STATES)[number];

/** What a watch line says of one session. */
export interface WatchedSession {
  readonly id: string;
  readonly status: SessionStatus;
  readonly waitingFor: Session['waitingFor'];
  readonly project: string;
  readonly pane: string | null;
  readonly server: string | null;
  readonly cost: Session['cost'];
  readonly context: Session['context'];
}

export const toWatched = (s: Session): WatchedSession => ({
  id: s.id,
  status: s.status,
  waitingFor: s.waitingFor,
  project: s.project,
  pane: s.tmux?.pane ?? null,
  server: s.tmux?.server ?? null,
  cost: s.cost,
  context: s.context,
});

export interface WatchOptions {
  readonly json: boolean;
  readonly until: { readonly state: UntilState; readonly session: string } | null;
}

export interface WatchStep {
  readonly stdout: string[];
  readonly stderr: string[];
  /** The --until state was reached (exit 0), or the session to watch does not exist (exit 1). */
  readonly done: boolean;
  readonly exitCode?: number;
}

const matchesId = (id: string, wanted: string): boolean =>
  id === wanted || (wanted.length >= 4 && id.startsWith(wanted));

export class WatchStream {
  readonly #options: WatchOptions;
  #shown = new Map<string, string>();
  #snapshots = 0;

  constructor(options: WatchOptions) {
    this.#options = options;
  }

  apply(event: FeedEvent, at: string): WatchStep {
    const out: string[] = [];
    const err: string[] = [];
    switch (event.type) {
      case 'connecting':
        return { stdout: [], stderr: [], done: false };
      case 'disconnected': {
        const retryInMs = Math.max(0, event.retryAt - Date.parse(at));
        if (this.#options.json) out.push(JSON.stringify({ type: 'disconnected', at, reason: event.reason, retryInMs }));
        else
          err.push(
            `atm: not connected to atmd (${sanitizeTerminalText(event.reason)}); retrying in ${Math.ceil(retryInMs / 1000)} s`,
          );
        return { stdout: out, stderr: err, done: false };
      }
      case 'snapshot': {
        const sessions = event.sessions.map(toWatched);
        this.#shown = new Map(sessions.map((s) => [s.id, JSON.stringify(s)]));
        if (this.#options.json) out.push(JSON.stringify({ type: 'snapshot', at, sessions }));
        else
          out.push(
            ...(sessions.length === 0 ? [`${at.slice(11, 19)} no sessions`] : sessions.map((s) => toText(at, s))),
          );
        const until = this.#options.until;
        // A typo must not pass for "gone" (or wait forever): the first snapshot must know the session.
        if (this.#snapshots++ === 0 && until !== null && !sessions.some((s) => matchesId(s.id, until.session))) {
          err.push(`atm: no session matches "${sanitizeTerminalText(until.session)}" (atm list shows the ids)`);
          return { stdout: out, stderr: err, done: true, exitCode: 1 };
        }
        return { stdout: out, stderr: err, done: this.#reached(sessions, true) };
      }
      case 'update': {
        const changed: WatchedSession[] = [];
        for (const session of event.upsert.map(toWatched)) {
          const text = JSON.stringify(session);
          if (this.#shown.get(session.id) === text) continue;
          this.#shown.set(session.id, text);
          changed.push(session);
          out.push(this.#options.json ? JSON.stringify({ type: 'change', at, session }) : toText(at, session));
        }
        const gone = event.remove.filter((id) => this.#shown.delete(id));
        for (const id of gone)
          out.push(this.#options.json ? JSON.stringify({ type: 'gone', at, id }) : `${at.slice(11, 19)} ${id} gone`);
        const done = this.#reached(changed, false) || this.#goneReached(gone);
        return { stdout: out, stderr: err, done };
      }
    }
  }

  #reached(sessions: readonly WatchedSession[], isSnapshot: boolean): boolean {
    const until = this.#options.until;
    if (until === null) return false;
    if (until.state === 'gone') return isSnapshot && !sessions.some((s) => matchesId(s.id, until.session));
    return sessions.some((s) => matchesId(s.id, until.session) && s.status === until.state);
  }

  #goneReached(ids: readonly string[]): boolean {
    const until = this.#options.until;
    return until?.state === 'gone' && ids.some((id) => matchesId(id, until.session));
  }
}

function toText(at: string, s: WatchedSession): string {
  const state = s.waitingFor === null ? s.status : `${s.status} (${s.waitingFor})`;
  return [at.slice(11, 19), sanitizeTerminalText(s.project), state, s.pane ?? '-', s.id].join('  ');
}
