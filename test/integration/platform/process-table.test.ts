import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSameProcess } from '../../../src/platform/agent-process.js';
import { createLinuxProcProcessTable } from '../../../src/platform/linux-proc-process-table.js';
import type { ProcessTable } from '../../../src/platform/process-table.js';
import { createPsProcessTable } from '../../../src/platform/ps-process-table.js';
import { spawnProcess, until } from './spawned.js';

const hasPsLstart = ((): boolean => {
  try {
    return execFileSync('ps', ['-o', 'lstart=', '-p', String(process.pid)], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
})();

const tables: [string, boolean, () => ProcessTable][] = [
  ['linux /proc', process.platform === 'linux', createLinuxProcProcessTable],
  ['ps', hasPsLstart, () => createPsProcessTable({ timeoutMs: 5_000 })],
];

let dir: string;
let oddSleep: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atm-proc-'));
  // A real executable whose name has spaces and parentheses, as a comm may.
  oddSleep = join(dir, 'a) b (c');
  await copyFile(execFileSync('which', ['sleep'], { encoding: 'utf8' }).trim(), oddSleep);
  execFileSync('chmod', ['755', oddSleep]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(tables)('%s process table', (_name, supported, create) => {
  const table = create();

  it.skipIf(!supported)('describes a live child and forgets it once it has exited', async () => {
    await using child = spawnProcess('sleep', ['30']);
    expect(await table.command(child.pid)).toBe('sleep');
    expect(await table.commandLine(child.pid)).toBe('sleep 30');
    expect(await table.parentPid(child.pid)).toBe(process.pid);
    const started = await table.startTime(child.pid);
    expect(started).toMatch(/\S/);
    expect(await table.startTime(child.pid)).toBe(started);
    expect(await isSameProcess(table, child.pid, started ?? '')).toBe(true);
    expect(await isSameProcess(table, child.pid, `${started ?? ''}0`)).toBe(false);

    await child.kill();
    expect(await table.startTime(child.pid)).toBeNull();
    expect(await table.parentPid(child.pid)).toBeNull();
    expect(await table.command(child.pid)).toBeNull();
    expect(await table.commandLine(child.pid)).toBeNull();
    expect(await isSameProcess(table, child.pid, started ?? '')).toBe(false);
  });

  it.skipIf(!supported)('reads a command name with spaces and parentheses', async () => {
    await using child = spawnProcess(oddSleep, ['30']);
    expect(await table.command(child.pid)).toBe('a) b (c');
    expect(await table.parentPid(child.pid)).toBe(process.pid);
  });

  // Needs /proc to see that the pid really is a zombie (rather than gone) when the table says null.
  it.skipIf(!supported || process.platform !== 'linux')('treats a zombie as gone', async () => {
    // The child outlives its parent's exec into `sleep 30`, which never reaps it, so it stays
    // a zombie. (With `sleep 0` the shell could reap the child before its exec on a loaded
    // machine, and the pid was gone instead: a flaky ENOENT.)
    await using parent = spawnProcess('sh', ['-c', 'sleep 1 & echo $!; exec sleep 30']);
    const zombie = Number(await parent.firstLine());
    const stat = (): Promise<string> => readFile(`/proc/${zombie}/stat`, 'utf8').catch(() => '');
    await until(async () => /\) Z /.test(await stat()), 15_000);
    expect(await table.startTime(zombie)).toBeNull();
    expect(await table.command(zombie)).toBeNull();
    expect(await table.parentPid(parent.pid)).toBe(process.pid);
  });

  it.skipIf(!supported)('answers null for pids that cannot exist', async () => {
    for (const pid of [0, -1, 1.5, Number.NaN, 2 ** 53]) {
      expect(await table.startTime(pid)).toBeNull();
      expect(await table.command(pid)).toBeNull();
    }
  });
});
