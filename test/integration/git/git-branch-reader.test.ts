import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGitInfo } from '../../../src/integrations/git/git-branch-reader.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('readGitInfo on real directories', () => {
  it('finds the branch from a subdirectory of the repository', async () => {
    using dir = makeTempDir();
    mkdirSync(join(dir.path, 'repo', '.git'), { recursive: true });
    mkdirSync(join(dir.path, 'repo', 'src', 'deep'), { recursive: true });
    writeFileSync(join(dir.path, 'repo', '.git', 'HEAD'), 'ref: refs/heads/cart-spinner\n');
    expect(await readGitInfo(join(dir.path, 'repo', 'src', 'deep'))).toEqual({
      root: join(dir.path, 'repo'),
      branch: 'cart-spinner',
    });
  });

  it('follows a worktree .git file', async () => {
    using dir = makeTempDir();
    mkdirSync(join(dir.path, 'main', '.git', 'worktrees', 'wt'), { recursive: true });
    writeFileSync(join(dir.path, 'main', '.git', 'worktrees', 'wt', 'HEAD'), 'ref: refs/heads/hotfix\n');
    mkdirSync(join(dir.path, 'wt'));
    writeFileSync(join(dir.path, 'wt', '.git'), 'gitdir: ../main/.git/worktrees/wt\n');
    expect(await readGitInfo(join(dir.path, 'wt'))).toEqual({ root: join(dir.path, 'wt'), branch: 'hotfix' });
  });

  it('is null outside a repository, for a missing directory and for a relative path', async () => {
    using dir = makeTempDir();
    expect(await readGitInfo(dir.path)).toBeNull();
    expect(await readGitInfo(join(dir.path, 'gone'))).toBeNull();
    expect(await readGitInfo('relative/path')).toBeNull();
  });
});
