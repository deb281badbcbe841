import { mkdir, open, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { AtmError, describeError } from '../shared/errors.js';

/** settings.json as found on disk: its text (null when there is none) and the file to write. */
export interface SettingsFile {
  /** The path as the user knows it. */
  readonly path: string;
  /** Where writes go: a symlinked settings.json (dotfiles) is written through, not replaced. */
  readonly target: string;
  readonly text: string | null;
  readonly mode: number | null;
}

export async function readSettingsFile(path: string): Promise<SettingsFile> {
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(`cannot resolve ${path}`, error);
    // No file yet: resolve its directory, so the key in atm's record matches once the file exists.
    target = await realpath(dirname(path)).then(
      (dir) => join(dir, basename(path)),
      () => path,
    );
  }
  try {
    const [text, info] = await Promise.all([readFile(target, 'utf8'), stat(target)]);
    return { path, target, text, mode: info.mode & 0o777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, target, text: null, mode: null };
    throw ioError(`cannot read ${path}`, error);
  }
}

/**
 * Saves a copy of the current file beside it (`settings.json.atm-backup-20261124T100001Z`, 0600:
 * settings may hold tokens in `env`), then replaces the file atomically, keeping its mode. A file
 * that does not exist yet needs no backup; its directory is created (0700) if missing.
 * Returns the backup's path, or null.
 */
export async function writeSettingsFile(file: SettingsFile, text: string, nowMs: number): Promise<string | null> {
  let backup: string | null = null;
  try {
    if (file.text !== null) backup = await writeBackup(file.target, file.text, nowMs);
    else await mkdir(dirname(file.target), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file.target, text, file.mode ?? 0o600);
  } catch (error) {
    throw ioError(`cannot write ${file.path}`, error);
  }
  return backup;
}

async function writeBackup(target: string, text: string, nowMs: number): Promise<string> {
  const stamp = new Date(nowMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  for (let attempt = 0; ; attempt += 1) {
    const path = `${target}.atm-backup-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
      } finally {
        await handle.close();
      }
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 20) throw error;
    }
  }
}

const ioError = (what: string, error: unknown): AtmError =>
  new AtmError('io-failed', `${what}: ${describeError(error)}`, {
    cause: error,
    hint: 'check the file and its directory permissions',
  });
