/**
 * What a git HEAD file says is checked out: the branch of `ref: refs/heads/<name>`, another ref
 * as written, or the first 7 characters of a detached commit. Null for anything else.
 */
export function parseGitHead(text: string): string | null {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  const ref = /^ref:\s*(\S+)$/.exec(line)?.[1];
  if (ref !== undefined) return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
  return /^[0-9a-f]{40,64}$/.test(line) ? line.slice(0, 7) : null;
}

/** A `.git` *file* (worktrees, submodules) points at the real git dir: `gitdir: <path>`. */
export function parseGitDirFile(text: string): string | null {
  const path = /^gitdir:\s*(.+)$/m.exec(text)?.[1]?.trim();
  return path === undefined || path.length === 0 ? null : path;
}
