import type { SessionId } from '../domain/ids.js';
import type { Session } from '../domain/session.js';

/**
 * What one change did to one session: the session before and after it (null when it did not
 * exist, or was removed). Every registry change yields one, so that observers (subscribers,
 * persistence, the notifier, the tmux status options) compare `before` and `after` instead of
 * keeping a shadow copy of the registry.
 */
export interface SessionTransition {
  readonly id: SessionId;
  readonly before: Session | null;
  readonly after: Session | null;
}

/**
 * One of atmd's observers, called in list order after each registry change, synchronously.
 * An observer must not throw and must not block: it queues IO and returns. `close` runs at
 * shutdown, after the last change, and may flush.
 */
export interface RegistryObserver {
  readonly name: string;
  observe(transition: SessionTransition): void;
  close?(): Promise<void>;
}
