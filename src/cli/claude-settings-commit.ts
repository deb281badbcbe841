import { constants } from 'node:fs';
import { chown, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ioError, type SettingsFile } from './claude-settings-file.js';

export type CommitOutcome =
  | { readonly kind: 'written'; readonly backup: string | null }
  | { readonly kind: 'removed' }
  /** Someone else (Claude Code's /model, a permission) wrote the file since atm read it: nothing was replaced. */
  | { readonly kind: 'changed-meanwhile' }
  /** The file system says no (read-only mount, permissions): nothing changed. */
  | { readonly kind: 'not-writable'; readonly why: string };

export interface CommitOptions {
  /** Test seam: runs after the new file is ready and before the last check (a concurrent writer strikes here). */
  readonly beforeCheck?: () => Promise<void>;
}

/** The one backup kept per settings file, beside it: the file as it was before atm's latest change. */
export const toBackupPath = (file: SettingsFile): string => `${file.target}.atm-backup`;

const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Replaces the settings file with `bytes` (or removes it, for null), atomically: the new text
 * goes to a temp file beside it (same mode and owner), then the file is read again and compared
 * with what atm read, and only if it is unchanged does the rename happen. A writer that slips in
 * after that check (microseconds) is the one race left; a lock would not help, as Claude Code
 * takes none. The backup holds the bytes as read, so nothing is ever lost either way.
 */
export async function commitSettingsFile(
  file: SettingsFile,
  bytes: Buffer | null,
  options: CommitOptions = {},
): Promise<CommitOutcome> {
  try {
    if (bytes === null) {
      await options.beforeCheck?.();
      if (!(await isUnchanged(file))) return { kind: 'changed-meanwhile' };
      await unlink(file.target);
      await unlink(toBackupPath(file)).catch(() => undefined);
      return { kind: 'removed' };
    }
    if (file.bytes === null) await mkdir(dirname(file.target), { recursive: true, mode: 0o700 });
    const backup = file.bytes === null ? null : toBackupPath(file);
    if (backup !== null && file.bytes !== null) await replaceAtomically(backup, file.bytes, 0o600, file, null);
    const outcome = await replaceAtomically(file.target, bytes, file.mode ?? 0o600, file, options);
    return outcome === 'changed' ? { kind: 'changed-meanwhile' } : { kind: 'written', backup };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (DENIED.has(code)) return { kind: 'not-writable', why: (error as Error).message };
    throw ioError(`cannot write ${file.path}`, error);
  }
}

async function replaceAtomically(
  target: string,
  bytes: Buffer,
  mode: number,
  file: SettingsFile,
  check: CommitOptions | null,
): Promise<'done' | 'changed'> {
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  const handle = await open(temp, 'wx', mode & 0o777);
  try {
    await handle.writeFile(bytes);
    await handle.chmod(mode);
    if (file.owner !== null && process.getuid?.() === 0) await chown(temp, file.owner.uid, file.owner.gid);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    if (check !== null) {
      await check.beforeCheck?.();
      if (!(await isUnchanged(file))) {
        await unlink(temp);
        return 'changed';
      }
    }
    await rename(temp, target);
    return 'done';
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** True when the file holds exactly what atm read (or still does not exist). Never blocks on a FIFO. */
async function isUnchanged(file: SettingsFile): Promise<boolean> {
  let handle;
  try {
    handle = await open(file.target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return file.bytes === null;
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) return false;
    const now = await handle.readFile();
    return file.bytes !== null && now.equals(file.bytes);
  } finally {
    await handle.close();
  }
}
