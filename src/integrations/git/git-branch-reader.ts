import { readFile, stat } from 'node:fs/promises';
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
  const target = parseGitDirFile(await readFile(dotGit, 'utf8').catch(() => ''));
  return target === null ? null : resolve(dir, target);
}

async function readHead(gitDir: string): Promise<string | null> {
  const head = join(gitDir, 'HEAD');
  const info = await stat(head).catch(() => null);
  if (info === null || !info.isFile() || info.size > MAX_HEAD_BYTES) return null;
  return parseGitHead(await readFile(head, 'utf8').catch(() => ''));
}
