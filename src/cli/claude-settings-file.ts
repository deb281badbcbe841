import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AtmError, describeError } from '../shared/errors.js';

/** settings.json as found on disk: its bytes (null when there is none) and the file to write. */
export interface SettingsFile {
  /** The path as the user knows it. */
  readonly path: string;
  /** Where writes go: a symlinked settings.json (dotfiles) is written through, never replaced. */
  readonly target: string;
  readonly bytes: Buffer | null;
  readonly mode: number | null;
  readonly owner: { readonly uid: number; readonly gid: number } | null;
  /** Nobody may write it (no w bit, or a Nix store path): atm refuses unless --force. */
  readonly readOnly: boolean;
}

/**
 * Reads settings.json without ever blocking or following it anywhere unsafe: a FIFO, a device, a
 * directory or a socket is refused before a byte is read (opened O_NONBLOCK, checked with fstat
 * on the open handle, so a swap between check and open changes nothing); a dangling symlink
 * resolves to the file it names, which atm then creates through the link.
 */
export async function readSettingsFile(path: string): Promise<SettingsFile> {
  const target = await resolveTarget(path);
  let handle;
  try {
    handle = await open(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return missing(path, target);
    throw ioError(`cannot read ${path}`, error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(path, target, info);
    const bytes = await handle.readFile();
    return {
      path,
      target,
      bytes,
      mode: info.mode & 0o7777,
      owner: { uid: info.uid, gid: info.gid },
      readOnly: (info.mode & 0o222) === 0 || isNixStore(target),
    };
  } finally {
    await handle.close();
  }
}

const missing = (path: string, target: string): SettingsFile => ({
  path,
  target,
  bytes: null,
  mode: null,
  owner: null,
  readOnly: isNixStore(target),
});

const isNixStore = (target: string): boolean => target.startsWith('/nix/store/');

/** The real file behind `path`; for a missing or dangling one, where it would be created. */
async function resolveTarget(path: string): Promise<string> {
  let link = path;
  for (let hops = 0; hops < 40; hops += 1) {
    let info: Stats;
    try {
      info = await lstat(link);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(`cannot read ${path}`, error);
      return toCreatablePath(path, link);
    }
    if (!info.isSymbolicLink()) return realpath(link).catch(() => link);
    link = resolve(dirname(link), await readlink(link));
  }
  throw new AtmError('settings-invalid', `${path}: too many levels of symbolic links; atm changed nothing`, {
    hint: 'point the link at a real file, then run the command again',
  });
}

async function toCreatablePath(path: string, target: string): Promise<string> {
  const dir = dirname(target);
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
    return join(await realpath(dir), basename(target));
  } catch {
    if (target === path) return path; // no settings dir yet: setup creates it
    throw new AtmError(
      'settings-invalid',
      `${path} is a symlink to ${target}, whose directory does not exist; atm changed nothing`,
      { hint: `create ${dir} (or point the link elsewhere), then run the command again` },
    );
  }
}

function notRegular(path: string, target: string, info: Stats): AtmError {
  const kind = info.isFIFO()
    ? 'a FIFO'
    : info.isCharacterDevice() || info.isBlockDevice()
      ? 'a device'
      : info.isDirectory()
        ? 'a directory'
        : info.isSocket()
          ? 'a socket'
          : 'not a regular file';
  const where = target === path ? path : `${path} (-> ${target})`;
  return new AtmError('settings-invalid', `${where} is ${kind}, not a regular file; atm changed nothing`, {
    hint: 'Claude Code reads settings from a regular JSON file; replace it with one, then run the command again',
  });
}

export const ioError = (what: string, error: unknown): AtmError =>
  new AtmError('io-failed', `${what}: ${describeError(error)}`, {
    cause: error,
    hint: 'check the file and its directory permissions',
  });
