import type { SessionTransition } from '../domain/session-transition.js';

/**
 * What one change did to one session. Defined in the pure core (src/domain/session-transition.ts),
 * which produces it; re-exported here, where observers look for it.
 */
export type { SessionTransition } from '../domain/session-transition.js';

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
