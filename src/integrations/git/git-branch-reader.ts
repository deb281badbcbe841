import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseGitDirFile, parseGitHead } from './git-head.js';

const MAX_DEPTH = 64;
const MAX_HEAD_BYTES = 4_096;

export interface GitInfo {
  /** The working tree's top directory (where `.git` is). */
  readonly root: string;
  /** What is checked out (see parseGitHead), or null when HEAD cannot be read. */
  readonly branch: string | null;
}

/**
 * The repository `dir` is in: walks up to the nearest `.git` (a directory, or a file pointing
 * at one) and reads its HEAD. Plain file reads, no `git` process: this runs in atmd for every
 * session. Null outside a repository.
 */
export async function readGitInfo(dir: string): Promise<GitInfo | null> {
  if (!isAbsolute(dir)) return null;
  let current = dir;
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    const gitDir = await findGitDir(current);
    if (gitDir !== undefined) return { root: current, branch: gitDir === null ? null : await readHead(gitDir) };
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}

/** The git dir for a `.git` in `dir`; undefined when there is none here, null when it is unusable. */
async function findGitDir(dir: string): Promise<string | null | undefined> {
  const dotGit = join(dir, '.git');
  const info = await stat(dotGit).catch(() => null);
  if (info === null) return undefined;
  if (info.isDirectory()) return dotGit;
  if (!info.isFile() || info.size > MAX_HEAD_BYTES) return null;
  const target = parseGitDirFile((await readSmallFile(dotGit)) ?? '');
  return target === null ? null : resolve(dir, target);
}

async function readHead(gitDir: string): Promise<string | null> {
  const text = await readSmallFile(join(gitDir, 'HEAD'));
  return text === null ? null : parseGitHead(text);
}

/**
 * At most MAX_HEAD_BYTES of a regular file, or null. The path comes from a payload's cwd, so
 * whatever is there must not park one of libuv's few pool threads (issue 10, defect 13): a FIFO
 * swapped in after a stat would block a plain open until a writer came, and a read until EOF.
 * So: open non-blocking (a FIFO opens at once), decide on the descriptor actually opened (fstat),
 * and read a bounded amount.
 */
async function readSmallFile(path: string): Promise<string | null> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | O_NOCTTY).catch(() => null);
  if (handle === null) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_HEAD_BYTES) return null;
    const buffer = Buffer.alloc(MAX_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return null;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A terminal device must not become atmd's controlling terminal by being opened. */
const O_NOCTTY = constants.O_NOCTTY ?? 0;
