import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listen, type Listener } from '../../../src/daemon/socket-listener.js';
import { isAtmError } from '../../../src/shared/errors.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { answers } from '../../../src/platform/socket-probe.js';

/** A socket file nobody listens on: its listener was SIGKILLed, so nothing unlinked it. */
function leaveStaleSocket(path: string): void {
  const script = `require('node:net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`;
  spawnSync(process.execPath, ['-e', script]);
  expect(lstatSync(path).isSocket()).toBe(true);
}

/**
 * Issue 10, defect 17, in process: two listen() calls racing over one stale socket interleave
 * at every await, which is the worst case for probe-unlink-bind. With the lock exactly one
 * binds and the other is refused as "already running"; without it one failed with a bare
 * ENOENT or both bound. Real sockets and files; the two daemons are two calls in one process.
 */
describe('listen() racing itself over a stale socket', () => {
  it('binds once and refuses the other', async () => {
    await using dir = makeTempDir();
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    const path = join(dir.path, 'run', 'atm.sock');
    leaveStaleSocket(path);
    const accepted: string[] = [];
    const start = (name: string) =>
      listen({ path, env: {}, onConnection: (socket) => (accepted.push(name), socket.end()) });
    const outcomes = await Promise.allSettled([start('a'), start('b')]);
    const bound = outcomes.filter((o): o is PromiseFulfilledResult<Listener> => o.status === 'fulfilled');
    await using _close = {
      [Symbol.asyncDispose]: async () => {
        for (const o of bound) await o.value.close();
      },
    };
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(bound).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason: unknown = refused[0]?.reason;
    expect(isAtmError(reason) && reason.code).toBe('daemon-already-running');
    expect(await answers(path)).toBe(true);
    expect(new Set(accepted).size).toBe(1); // every connection, the loser's probes too, reached one listener
  });
});
