import type { PaneId, SessionId } from './ids.js';
import type { SessionEntry } from './session-reducer.js';
import type { TmuxLocation } from './session.js';

/**
 * What the daemon found out about a session by itself, as opposed to what the agent reported
 * (a SessionEvent). Each names the state it was found for (a pid, a pane, a cwd): the registry
 * may have moved on while the probe ran, and a fact about an older state must change nothing.
 */
export type SessionFact =
  /** The liveness pass found `pid` gone (or reused): the session ends, if it still runs on `pid`. */
  | { readonly type: 'agent-gone'; readonly id: SessionId; readonly pid: number }
  /** `pid` runs and started at `startTime` (opaque), so a reused pid is caught later. */
  | { readonly type: 'pid-started'; readonly id: SessionId; readonly pid: number; readonly startTime: string }
  /** The pane of a session whose reports carry no $TMUX_PANE, found for the agent `pid`. */
  | { readonly type: 'pane-located'; readonly id: SessionId; readonly pid: number; readonly tmux: TmuxLocation }
  /** The names the tmux server `server` (null: the default one) gives `pane` now (null: it does not list it). */
  | {
      readonly type: 'tmux-names';
      readonly id: SessionId;
      readonly pane: PaneId;
      readonly server: string | null;
      readonly session: string | null;
      readonly window: string | null;
    }
  /** The git checkout `cwd` is in (null: not in git); `root` names the project when no report did. */
  | {
      readonly type: 'git-read';
      readonly id: SessionId;
      readonly cwd: string;
      readonly branch: string | null;
      readonly root: string | null;
    }
  /** An entry saved by an earlier atmd, put back at start-up. */
  | { readonly type: 'restored'; readonly id: SessionId; readonly entry: SessionEntry };

export type SessionFactType = SessionFact['type'];
