import type { Session } from '../domain/session.js';
import { AtmError } from '../shared/errors.js';
import { sanitizeTerminalText } from '../shared/terminal-text.js';

/**
 * Which session `atm next` and `atm jump` go to. Pure: the sessions come from one `list`, the
 * last stop of `atm next` from a small file the caller keeps.
 */

/** When a waiting session started waiting, as near as the public shape says: its tool's start. */
const waitingSinceMs = (s: Session): number => Date.parse(s.tool?.startedAt ?? s.lastEventAt);

/** The waiting sessions with a pane, longest waiting first (ties by id, so the order is stable). */
export function waitingInOrder(sessions: readonly Session[]): Session[] {
  return sessions
    .filter((s) => s.status === 'waiting' && s.tmux !== null)
    .sort((a, b) => waitingSinceMs(a) - waitingSinceMs(b) || a.id.localeCompare(b.id));
}

/**
 * `atm next`: the longest waiting; pressed again (the last stop still waits), the one after
 * it, wrapping round. Null when nothing waits.
 */
export function pickNext(sessions: readonly Session[], lastId: string | null): Session | null {
  const waiting = waitingInOrder(sessions);
  const at = waiting.findIndex((s) => s.id === lastId);
  return waiting[at === -1 ? 0 : (at + 1) % waiting.length] ?? null;
}

/**
 * `atm jump <query>`: an id, a unique id prefix (4+ characters), a project name, or a tmux
 * `session:window` or window name. Several matches are an error that lists them.
 */
export function findSession(sessions: readonly Session[], query: string): Session {
  const tiers: ((s: Session) => boolean)[] = [
    (s) => s.id === query,
    (s) => query.length >= 4 && s.id.startsWith(query),
    (s) => s.project === query,
    (s) => s.tmux !== null && (`${s.tmux.session}:${s.tmux.window}` === query || s.tmux.window === query),
  ];
  for (const matches of tiers) {
    const found = sessions.filter(matches);
    if (found.length === 1 && found[0] !== undefined) return found[0];
    if (found.length > 1) {
      const list = found.map((s) => `${s.id} (${sanitizeTerminalText(s.project)}, ${s.status})`).join(', ');
      throw new AtmError('usage', `"${sanitizeTerminalText(query)}" matches ${found.length} sessions: ${list}`, {
        hint: 'name one by its id (or a longer id prefix)',
      });
    }
  }
  throw new AtmError('not-found', `no session matches "${sanitizeTerminalText(query)}"`, {
    hint: 'atm list shows the sessions, their ids and projects',
  });
}
