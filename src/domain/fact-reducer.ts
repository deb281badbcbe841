import { assertNever } from '../shared/assert-never.js';
import type { SessionFact } from './session-fact.js';
import { toProjectName, type SessionEntry } from './session-reducer.js';

/**
 * Applies one daemon-found fact to one session. Pure. Returns the same `entry` object when the
 * fact changes nothing (it is about a pid, pane or cwd the session has left), null when the
 * session is over, and undefined for a fact about a session that is not there (only `restored`
 * creates one).
 */
export function reduceFact(entry: SessionEntry | undefined, fact: SessionFact): SessionEntry | null | undefined {
  if (fact.type === 'restored') return entry ?? fact.entry;
  if (entry === undefined) return undefined;
  const s = entry.session;
  switch (fact.type) {
    case 'agent-gone':
      // The agent may have been replaced while the probe ran (claude --resume): judge this pid only.
      return s.pid === fact.pid ? null : entry;
    case 'pid-started':
      return s.pid === fact.pid && entry.pidStart !== fact.startTime ? { ...entry, pidStart: fact.startTime } : entry;
    case 'pane-located':
      // A report may have named a pane meanwhile; it knows better than our search.
      if (s.tmux !== null || s.pid !== fact.pid) return entry;
      return { ...entry, session: { ...s, tmux: fact.tmux } };
    case 'tmux-names': {
      const t = s.tmux;
      if (t === null || t.pane !== fact.pane) return entry;
      // Asked of another server than the session's now: that is another pane with the same id.
      if (fact.server !== null && t.server !== null && t.server !== fact.server) return entry;
      if (t.session === fact.session && t.window === fact.window) return entry;
      return { ...entry, session: { ...s, tmux: { ...t, session: fact.session, window: fact.window } } };
    }
    case 'git-read': {
      if (s.cwd !== fact.cwd) return entry;
      const projectDir = s.projectDir ?? fact.root;
      if (s.branch === fact.branch && s.projectDir === projectDir) return entry;
      const project = toProjectName(projectDir ?? s.cwd);
      return { ...entry, session: { ...s, branch: fact.branch, projectDir, project } };
    }
    default:
      return assertNever(fact, 'session fact');
  }
}
