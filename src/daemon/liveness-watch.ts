import type { RegistryView } from '../domain/registry.js';
import type { SessionEntry } from '../domain/session-reducer.js';
import type { SessionFact } from '../domain/session-fact.js';
import type { SessionTransition } from '../domain/session-transition.js';
import type { Logger } from '../platform/logger.js';
import type { ProcessProbe } from './daemon-ports.js';
import { checkLiveness } from './liveness.js';

/**
 * Each session's start time is compared once every this many passes (spread over the passes by
 * session id); in between, a pid that still exists is enough. A pid that is gone is seen on the
 * next pass either way; a zombie or a reused pid within this many (about 3 s at the 1 s default,
 * inside the 5 s issue 10 allows for noticing a dead agent).
 */
export const FULL_CHECK_EVERY_PASSES = 3;

/** A stable small number per session id, so its full checks fall on every FULL_CHECK_EVERY_PASSES-th pass. */
function spreadOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return (hash >>> 0) % FULL_CHECK_EVERY_PASSES;
}

/**
 * One liveness pass at a time over the registry: sessions whose agent is gone are removed, and a
 * live agent's start time is recorded the first time it is seen (so a reused pid is caught later).
 * Both are facts recorded through the registry's reducer, which drops a verdict about a pid the
 * session no longer runs on (the agent was replaced while the probe ran). The first pass (after a
 * restore, say) compares every start time; later ones mostly ask only whether the pid exists.
 */
export interface LivenessWatchOptions {
  readonly registry: RegistryView;
  readonly processes: ProcessProbe;
  readonly logger: Logger;
  /** Records a fact; returns what it changed (null: nothing). */
  readonly record: (fact: SessionFact) => SessionTransition | null;
}

export class LivenessWatch {
  readonly #options: LivenessWatchOptions;
  #running = false;
  #stopped = false;
  #passes = 0;
  /** Sessions already warned about an unanswered probe: the warning is not repeated every pass. */
  readonly #warned = new Set<string>();

  constructor(options: LivenessWatchOptions) {
    this.#options = options;
  }

  /** Runs a pass unless one is under way; resolves how many sessions it removed. */
  async run(): Promise<number> {
    if (this.#running || this.#stopped) return 0;
    this.#running = true;
    const { registry, processes, logger, record } = this.#options;
    try {
      let removed = 0;
      const pass = this.#passes;
      this.#passes += 1;
      const fullCheck = (entry: SessionEntry): boolean =>
        pass === 0 || (pass + spreadOf(entry.session.id)) % FULL_CHECK_EVERY_PASSES === 0;
      for (const verdict of await checkLiveness(registry.entries(), processes, { fullCheck })) {
        if (this.#stopped) break;
        if (verdict.type === 'unknown') {
          const fields = { sessionId: verdict.id, pid: verdict.pid, reason: verdict.reason };
          if (this.#warned.has(verdict.id))
            logger.debug('cannot tell whether an agent runs; keeping its session', fields);
          else logger.warn('cannot tell whether an agent runs; keeping its session', fields);
          this.#warned.add(verdict.id);
          continue;
        }
        this.#warned.delete(verdict.id);
        if (verdict.type === 'dead') {
          if (record({ type: 'agent-gone', id: verdict.id, pid: verdict.pid })?.after !== null) continue;
          removed += 1;
          logger.info('session removed: its agent process is gone', { sessionId: verdict.id, pid: verdict.pid });
        } else {
          record({ type: 'pid-started', id: verdict.id, pid: verdict.pid, startTime: verdict.startTime });
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
