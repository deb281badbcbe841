import { describe, expect, it } from 'vitest';
import { parseGitDirFile, parseGitHead } from '../../../../src/integrations/git/git-head.js';

describe('parseGitHead', () => {
  it.each<[what: string, head: string, branch: string | null]>([
    ['a branch', 'ref: refs/heads/main\n', 'main'],
    ['a branch with slashes', 'ref: refs/heads/feature/cart-spinner\n', 'feature/cart-spinner'],
    ['no trailing newline', 'ref: refs/heads/main', 'main'],
    ['another ref, as written', 'ref: refs/remotes/origin/main\n', 'refs/remotes/origin/main'],
    ['a detached SHA-1 commit', '0123456789abcdef0123456789abcdef01234567\n', '0123456'],
    ['a detached SHA-256 commit', `${'ab'.repeat(32)}\n`, 'abababa'],
    ['garbage', 'hello\n', null],
    ['empty', '', null],
  ])('%s', (_what, head, branch) => {
    expect(parseGitHead(head)).toBe(branch);
  });
});

describe('parseGitDirFile', () => {
  it.each<[what: string, text: string, dir: string | null]>([
    ['a worktree', 'gitdir: /repo/.git/worktrees/wt\n', '/repo/.git/worktrees/wt'],
    ['a relative submodule dir', 'gitdir: ../.git/modules/sub\n', '../.git/modules/sub'],
    ['garbage', 'nope', null],
  ])('%s', (_what, text, dir) => {
    expect(parseGitDirFile(text)).toBe(dir);
  });
});
