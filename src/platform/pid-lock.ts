import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { isProcessRunning } from './atomic-file.js';

export interface PidLock {
  /** Removes the lock file, if it is still this process's. */
  release(): Promise<void>;
}

export type LockOutcome = { ok: true; lock: PidLock } | { ok: false; holder: number };

/**
 * A lock file holding the pid of its owner (and a token of its own), taken atomically: the file is written in full under
 * a private name and hard-linked into place, which fails if the lock exists (so nobody ever reads
 * a half-written lock). A lock whose pid no longer runs is stale (its owner was SIGKILLed) and is
 * taken over by renaming it away first: of two processes doing that at once, one rename wins,
 * and the loser finds the winner's fresh lock on its next try. `isStale` may declare a lock
 * of a live pid stale too (the pid was reused by an unrelated process).
 */
export async function acquirePidLock(
  path: string,
  options: { isStale?: (pid: number) => Promise<boolean> | boolean } = {},
): Promise<LockOutcome> {
  const isStale = options.isStale ?? ((pid: number) => !isProcessRunning(pid));
  // The pid says who holds it; the token tells two holders in one process apart.
  const token = `${process.pid} ${Math.random().toString(36).slice(2, 10)}`;
  const mine = `${path}.${token.replace(' ', '.')}`;
  await writeFile(mine, `${token}\n`, { mode: 0o600 });
  const lock: PidLock = { release: () => releaseIfMine(path, token) };
  try {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        await link(mine, path);
        return { ok: true, lock };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readHolder(path);
      if (holder !== null && !(await isStale(holder.pid))) return { ok: false, holder: holder.pid };
      // Stale: move it out of the way under a name of our own, then check that it was the one
      // we judged (another process may have replaced it in between), and put back one that was not.
      const away = `${mine}.stale`;
      try {
        await rename(path, away);
      } catch {
        continue; // someone else moved it first
      }
      const moved = await readHolder(away);
      if (moved?.token !== holder?.token) await link(away, path).catch(() => undefined);
      await unlink(away).catch(() => undefined);
    }
    return { ok: false, holder: (await readHolder(path))?.pid ?? 0 };
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}

async function readHolder(path: string): Promise<{ pid: number; token: string } | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  const match = text === null ? null : /^(\d+) [a-z0-9]+\n$/.exec(text);
  return match === null ? null : { pid: Number(match[1]), token: match[0] };
}

async function releaseIfMine(path: string, token: string): Promise<void> {
  if ((await readHolder(path))?.token === `${token}\n`) await unlink(path).catch(() => undefined);
}
