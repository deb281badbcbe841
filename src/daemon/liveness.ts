import type { SessionId } from '../domain/ids.js';
import type { SessionEntry } from '../domain/session-reducer.js';
import type { ProcessProbe } from './daemon-ports.js';

export type LivenessVerdict =
  | { readonly type: 'dead'; readonly id: SessionId; readonly pid: number }
  | { readonly type: 'started'; readonly id: SessionId; readonly pid: number; readonly startTime: string }
  /** The probe could not answer (EACCES on /proc, `ps` timing out): nothing is known, so nothing changes. */
  | { readonly type: 'unknown'; readonly id: SessionId; readonly pid: number; readonly reason: string };

export interface LivenessOptions {
  /**
   * Whether this pass must compare the start time of a session whose start time is already
   * known. When not, and the probe has a cheap `exists`, a pid that still exists is taken as
   * the agent this pass; a pid that is gone is still confirmed through the start time.
   */
  readonly fullCheck?: (entry: SessionEntry) => boolean;
}

/**
 * Which sessions' agents are gone. A pid counts as the agent only while its start time matches
 * the one first seen, so a pid the kernel reused for another process does not keep a dead
 * session alive. Sessions with no known pid are left alone: there is nothing to check.
 * "Could not ask" is not "dead": a probe that fails says `unknown`, and the session stays.
 * There is deliberately no time-based expiry: an agent idle for hours is normal.
 */
export async function checkLiveness(
  entries: readonly SessionEntry[],
  processes: ProcessProbe,
  options: LivenessOptions = {},
): Promise<LivenessVerdict[]> {
  const fullCheck = options.fullCheck ?? (() => true);
  // The cheap answer first, synchronously: most passes ask no file at all about most sessions.
  const toProbe = entries.filter((entry) => {
    const pid = entry.session.pid;
    if (pid === null) return false;
    return entry.pidStart === null || fullCheck(entry) || processes.exists?.(pid) !== true;
  });
  const verdicts = await Promise.all(
    toProbe.map(async (entry): Promise<LivenessVerdict | null> => {
      const { id } = entry.session;
      const pid = entry.session.pid ?? 0;
      let startTime: string | null;
      try {
        startTime = await processes.startTime(pid);
      } catch (error) {
        return { type: 'unknown', id, pid, reason: error instanceof Error ? error.message : String(error) };
      }
      if (startTime === null) return { type: 'dead', id, pid };
      if (entry.pidStart === null) return { type: 'started', id, pid, startTime };
      return startTime === entry.pidStart ? null : { type: 'dead', id, pid };
    }),
  );
  return verdicts.filter((verdict): verdict is LivenessVerdict => verdict !== null);
}
