import { open, rename, unlink } from 'node:fs/promises';

/** The temp files writeFileAtomic makes for `file`: `<file>.<pid>.<ms>.<random>.tmp`. */
export const tempFilePattern = (fileName: string): RegExp =>
  new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.\\d+\\.[a-z0-9]+\\.tmp$`);

/**
 * Writes a file so that readers see the old content or the new, never a torn mix: a temp file
 * in the same directory (so rename stays on one filesystem), fsync, then rename over the target.
 * A failed write (a full disk) removes its temp file; only a process killed mid-write leaves one,
 * which `tempFilePattern` recognises.
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
