import type { SessionId } from './ids.js';
import type { Session } from './session.js';

/**
 * What one change did to one session: the session before and after it (null when it did not
 * exist, or was removed). Every registry change yields one, so that observers (subscribers,
 * persistence, the notifier, the tmux status options) compare `before` and `after` instead of
 * keeping a shadow copy of the registry. When `before === after` (the same object) only the
 * daemon's bookkeeping changed (a pid's start time): worth saving, nothing to show.
 */
export interface SessionTransition {
  readonly id: SessionId;
  readonly before: Session | null;
  readonly after: Session | null;
}
