import { describe, expect, it } from 'vitest';
import { runFile } from '../../../src/platform/exec-file.js';

describe('runFile', () => {
  it('passes arguments byte for byte, with no shell in between', async () => {
    const args = ['$(touch /tmp/atm-pwned)', '; echo hi', "it's", 'ü ✓'];
    const outcome = await runFile('printf', ['%s\\n', ...args], { timeoutMs: 5_000 });
    expect(outcome).toEqual({ kind: 'exited', exitCode: 0, stdout: `${args.join('\n')}\n`, stderr: '' });
  });

  it('reports a non-zero exit with its stderr', async () => {
    const outcome = await runFile('sh', ['-c', 'echo oops >&2; exit 3'], { timeoutMs: 5_000 });
    expect(outcome).toEqual({ kind: 'exited', exitCode: 3, stdout: '', stderr: 'oops\n' });
  });

  it('reports a program that is not installed', async () => {
    expect(await runFile('atm-no-such-program', [], { timeoutMs: 5_000 })).toEqual({ kind: 'not-found' });
  });

  it('kills a program that runs past its timeout', async () => {
    expect(await runFile('sleep', ['30'], { timeoutMs: 100 })).toMatchObject({ kind: 'timed-out' });
  });

  it('fails a program whose output is over the limit', async () => {
    const outcome = await runFile('head', ['-c', '5000', '/dev/zero'], { timeoutMs: 5_000, maxOutputBytes: 1_000 });
    expect(outcome.kind).toBe('failed');
  });
});
