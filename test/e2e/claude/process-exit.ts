import { pollUntil } from './poll.js';

/** Waiting for our own child processes to be gone, so their last writes do not race cleanup. */

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but is not ours; still alive as far as waiting goes.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Wait up to `timeoutMs` for every pid to exit, then SIGKILL the rest. Pids must be our own. */
export async function waitForExit(pids: readonly number[], timeoutMs = 5_000): Promise<void> {
  const exited = await pollUntil(() => (pids.some(isAlive) ? undefined : true), {
    timeoutMs,
    what: `pids ${pids.join(', ')} to exit`,
  }).catch(() => false);
  if (exited) return;
  for (const pid of pids.filter(isAlive)) process.kill(pid, 'SIGKILL');
}
