import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processExists } from '../../../src/platform/process-exists.js';

// Real processes and the real kill(pid, 0): nothing here is faked.
describe('processExists', () => {
  it('is true for a running process and false once it has exited and been reaped', async () => {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    const pid = child.pid ?? 0;
    expect(processExists(pid)).toBe(true);
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(processExists(pid)).toBe(false);
  });

  it('is true for this very process and for pid 1', () => {
    expect(processExists(process.pid)).toBe(true);
    expect(processExists(1)).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 60])('is false for %s, which is no pid', (pid) => {
    expect(processExists(pid)).toBe(false);
  });
});
