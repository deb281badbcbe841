import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never a torn mix: a temp file
 * in the same directory (so rename stays on one filesystem), fsync, then rename over the target.
 * A failed write (a full disk) removes its temp file; only a process killed mid-write leaves
 * one behind, which `removeStaleTempFiles` cleans up.
 */
export async function writeFileAtomic(file: string, text: string, mode = 0o600): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** True while a process with this pid exists (EPERM: it does, and is someone else's). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files writeFileAtomic made for `file` (`<file>.<pid>.<ms>.<random>.tmp`)
 * whose writer no longer runs: a process SIGKILLed mid-write leaves one (issue 10, defect 8).
 * This process's own pid counts as gone: it has written nothing yet when it starts, and a pid
 * is often reused by the next atmd in a container. Returns the paths removed.
 */
export async function removeStaleTempFiles(
  file: string,
  isRunning: (pid: number) => boolean = isProcessRunning,
): Promise<string[]> {
  const dir = dirname(file);
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.\d+\.[a-z0-9]+\.tmp$/.exec(name.slice(prefix.length));
    if (match === null) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isRunning(pid)) continue;
    const path = join(dir, name);
    if (
      await unlink(path).then(
        () => true,
        () => false,
      )
    )
      removed.push(path);
  }
  return removed;
}
