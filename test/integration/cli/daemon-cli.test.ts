import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATMD_NODE_OPTIONS } from '../../../src/platform/atmd-node-options.js';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const pidOf = (text: string): number => Number(/pid (\d+)/.exec(text)?.[1]);

describe('atm daemon stop|restart', () => {
  it('stop is idempotent and returns only once the process is gone; restart starts a new one', async () => {
    await using dir = makeTempDir();
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    const env = daemonEnv(dir.path);
    const socketPath = join(dir.path, 'run', 'atm.sock');
    const nothing = await runCli(['daemon', 'stop'], { env });
    expect([nothing.code, nothing.stdout]).toEqual([0, `atmd is not running (nothing answers on ${socketPath})\n`]);

    expect((await runCli(['daemon', 'start'], { env })).code).toBe(0);
    const first = pidOf((await runCli(['daemon', 'status'], { env })).stdout);
    try {
      // atm starts atmd with its node options (src/platform/atmd-node-options.ts).
      const argv = readFileSync(`/proc/${first}/cmdline`, 'utf8').split('\0');
      expect(argv.slice(1, -2)).toEqual([...ATMD_NODE_OPTIONS]);
      expect(argv.at(-2)).toMatch(/dist\/daemon\/main\.js$/);
      const restarted = await runCli(['daemon', 'restart'], { env });
      expect(restarted.code).toBe(0);
      expect(restarted.stdout).toBe(`atmd (pid ${first}) stopped; atmd started on ${socketPath}\n`);
      expect(existsSync(`/proc/${first}`)).toBe(false);
      const second = pidOf((await runCli(['daemon', 'status'], { env })).stdout);
      expect(second).not.toBe(first);

      const stopped = await runCli(['daemon', 'stop'], { env });
      expect([stopped.code, stopped.stdout]).toEqual([0, `atmd (pid ${second}) stopped\n`]);
      expect(existsSync(`/proc/${second}`)).toBe(false); // gone by the time stop returned
      expect((await runCli(['daemon', 'stop'], { env })).code).toBe(0);
    } finally {
      await runCli(['daemon', 'stop'], { env });
    }
  });
});
