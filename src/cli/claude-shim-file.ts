import { mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { AtmError, describeError } from '../shared/errors.js';

/** The installed shim's text, or null when there is none. */
export async function readShim(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** Writes the shim atomically, 0700: only its owner's Claude Code runs it (and a hook runs as that user). */
export async function writeShim(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFileAtomic(path, text, 0o700);
  } catch (error) {
    throw new AtmError('io-failed', `cannot write ${path}: ${describeError(error)}`, {
      cause: error,
      hint: 'check the directory permissions, or set XDG_DATA_HOME to a directory you own',
    });
  }
}

/** Removes the shim; true when there was one. */
export async function removeShim(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch {
    return false;
  }
}
