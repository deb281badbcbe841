import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnAtmd } from '../../helpers/atmd-process.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { pollUntil } from '../../helpers/poll.js';
import { connectWire } from '../../helpers/wire-client.js';

/**
 * Issue 10, defect 17: probing, unlinking and binding a stale socket is not atomic, so two
 * atmd started at once over the socket a SIGKILLed one left could both bind (one of them at a
 * path already unlinked: unreachable, yet writing the same state file). The lock beside the
 * socket lets exactly one through. Several rounds, each with a fresh stale socket. Real
 * processes start with too much jitter to hit the old race often; socket-listener-lock.test.ts
 * is the regression that interleaves two binds deterministically.
 */
describe('two atmd started together over a stale socket', () => {
  it('exactly one runs, and it is the one that answers', async () => {
    await using daemon = await startDaemon();
    for (let round = 0; round < 4; round += 1) {
      await daemon.stop('SIGKILL'); // leaves the socket file (and, from round 1, the lock) behind
      expect(existsSync(daemon.socketPath)).toBe(true);
      await using a = spawnAtmd(daemon.env);
      await using b = spawnAtmd(daemon.env);
      const exited = Promise.race([a.exited.then(() => a), b.exited.then(() => b)]);
      const loser = await exited;
      const winner = loser === a ? b : a;
      expect(await loser.exited, `round ${round}: ${loser.stderr()}`).toEqual({ code: 3, signal: null });
      expect(loser.stderr()).toMatch(/^atmd: another atmd already answers on /);
      await pollUntil(async () => {
        await using client = await connectWire(daemon.socketPath);
        const welcome = await client.hello();
        return (welcome as { pid?: number }).pid === winner.pid;
      });
      expect(await winner.stop()).toEqual({ code: 0, signal: null });
      await daemon.restart();
    }
  });
});
