import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, constants, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGitInfo } from '../../../src/integrations/git/git-branch-reader.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

/** Renames a regular file and a FIFO over .git/HEAD in turn, as fast as it can, until killed. */
const SWAPPER = `
const fs = require('node:fs');
const [gitDir] = process.argv.slice(1);
const head = gitDir + '/HEAD';
for (;;) {
  fs.linkSync(gitDir + '/head.file', gitDir + '/a'); fs.renameSync(gitDir + '/a', head);
  fs.linkSync(gitDir + '/head.fifo', gitDir + '/b'); fs.renameSync(gitDir + '/b', head);
}
`;

/**
 * Issue 10, defect 13: a `.git/HEAD` swapped for a FIFO between the stat and the open used to
 * park a libuv pool thread in open(2) for good (four of them and atmd stops saving). A real
 * FIFO, really swapped by another process while this one reads the branch over and over: every
 * read must finish. On the old code some read blocks, and the test times out instead.
 */
describe.skipIf(!hasMkfifo)('reading a git HEAD that another process keeps swapping for a FIFO', () => {
  it('never blocks: every read resolves, to the branch or to null', { timeout: 60_000 }, async () => {
    await using dir = makeTempDir();
    const gitDir = join(dir.path, '.git');
    mkdirSync(gitDir);
    writeFileSync(join(gitDir, 'head.file'), 'ref: refs/heads/main\n');
    expect(spawnSync('mkfifo', [join(gitDir, 'head.fifo')]).status).toBe(0);
    writeFileSync(join(gitDir, 'HEAD'), 'ref: refs/heads/main\n');
    const swapper = spawn(process.execPath, ['-e', SWAPPER, gitDir], { stdio: 'ignore' });
    await using _stop = {
      [Symbol.asyncDispose]: async () => {
        const exited = new Promise((resolve) => swapper.once('exit', resolve));
        swapper.kill('SIGKILL');
        await exited;
        // Free any reader an old build left blocked on the FIFO: a writer opening it releases them.
        try {
          closeSync(openSync(join(gitDir, 'head.fifo'), constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
          // no reader was waiting
        }
      },
    };
    const seen = new Set<string | null>();
    for (let round = 0; round < 300; round += 1) {
      const infos = await Promise.all(Array.from({ length: 8 }, () => readGitInfo(dir.path)));
      for (const info of infos) seen.add(info?.branch ?? null);
    }
    expect([...seen].every((branch) => branch === 'main' || branch === null)).toBe(true);
    expect(seen.has('main')).toBe(true);
  });
});
