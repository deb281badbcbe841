import type { SessionId } from '../domain/ids.js';
import type { Registry } from '../domain/registry.js';
import type { SessionTransition } from '../domain/session-transition.js';
import type { Logger } from '../platform/logger.js';
import type { ProcessProbe } from './daemon-ports.js';
import { checkLiveness } from './liveness.js';

/**
 * One liveness pass at a time over the registry: sessions whose agent is gone are removed, and a
 * live agent's start time is recorded the first time it is seen (so a reused pid is caught later).
 */
export interface LivenessWatchOptions {
  readonly registry: Registry;
  readonly processes: ProcessProbe;
  readonly logger: Logger;
  /** A session was removed because its agent is gone. */
  readonly removed: (id: SessionId, change: SessionTransition) => void;
  /** Bookkeeping changed (a start time was recorded): worth saving, nothing to publish. */
  readonly changed: (change: SessionTransition) => void;
}

export class LivenessWatch {
  readonly #options: LivenessWatchOptions;
  #running = false;
  #stopped = false;

  constructor(options: LivenessWatchOptions) {
    this.#options = options;
  }

  /** Runs a pass unless one is under way; resolves how many sessions it removed. */
  async run(): Promise<number> {
    if (this.#running || this.#stopped) return 0;
    this.#running = true;
    const { registry, processes, logger } = this.#options;
    try {
      let removed = 0;
      for (const verdict of await checkLiveness(registry.entries(), processes)) {
        if (verdict.type === 'dead') {
          const change = registry.remove(verdict.id);
          if (change === null) continue;
          removed += 1;
          logger.info('session removed: its agent process is gone', { sessionId: verdict.id, pid: verdict.pid });
          this.#options.removed(verdict.id, change);
        } else {
          const change = registry.update(verdict.id, (e) =>
            e.session.pid === verdict.pid ? { ...e, pidStart: verdict.startTime } : e,
          );
          if (change !== null) this.#options.changed(change);
        }
      }
      return removed;
    } finally {
      this.#running = false;
    }
  }

  stop(): void {
    this.#stopped = true;
  }
}
