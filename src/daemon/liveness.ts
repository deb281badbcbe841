import type { SessionId } from '../domain/ids.js';
import type { SessionEntry } from '../domain/session-reducer.js';
import type { ProcessProbe } from './daemon-ports.js';

export type LivenessVerdict =
  | { readonly type: 'dead'; readonly id: SessionId; readonly pid: number }
  | { readonly type: 'started'; readonly id: SessionId; readonly pid: number; readonly startTime: string }
  /** The probe could not answer (EACCES on /proc, `ps` timing out): nothing is known, so nothing changes. */
  | { readonly type: 'unknown'; readonly id: SessionId; readonly pid: number; readonly reason: string };

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
): Promise<LivenessVerdict[]> {
  const verdicts = await Promise.all(
    entries.map(async (entry): Promise<LivenessVerdict | null> => {
      const { id, pid } = entry.session;
      if (pid === null) return null;
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
