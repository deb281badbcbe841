import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAtmd } from '../../helpers/atmd-process.js';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('atmd with a bad config', () => {
  it.each<[string, string, RegExp]>([
    [
      'config.json',
      '{"daemon":{"maxSessions":"lots"}}',
      /daemon\.maxSessions: expected an integer from 1 to 100000, got "lots"/,
    ],
    [
      'config.yaml',
      'daemon:\n  maxSubscribers: 0\n',
      /daemon\.maxSubscribers: expected an integer from 1 to 1000, got 0/,
    ],
    ['config.yml', 'logLevel: loud\n', /logLevel: expected one of "error", "warn", "info", "debug", got "loud"/],
    ['config.json', '{"daemon":{"maxSesions":5}}', /daemon\.maxSesions: unknown key \(did you mean "maxSessions"\?\)/],
    ['config.json', '{"daemon": {', /not valid JSON/],
  ])(
    '%s %s: refuses to start, exit 4, one clear line naming file, key and expectation',
    async (name, content, problem) => {
      await using dir = makeTempDir();
      const configDir = join(dir.path, 'config', 'atm');
      mkdirSync(configDir, { recursive: true });
      const file = join(configDir, name);
      writeFileSync(file, content);
      mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
      await using atmd = spawnAtmd(daemonEnv(dir.path));
      expect(await atmd.exited).toEqual({ code: 4, signal: null });
      const [first, ...rest] = atmd.stderr().trimEnd().split('\n');
      expect(first).toMatch(new RegExp(`^atmd: ${file}: `));
      expect(first).toMatch(problem);
      // At most a hint follows; never a stack trace.
      expect(rest.every((line) => line.startsWith('  hint: '))).toBe(true);
      expect(atmd.stderr()).not.toMatch(/\n\s+at /);
    },
  );

  it('refuses a bad ATM_LOG_LEVEL the same way', async () => {
    await using dir = makeTempDir();
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    await using atmd = spawnAtmd({ ...daemonEnv(dir.path), ATM_LOG_LEVEL: 'chatty' });
    expect(await atmd.exited).toEqual({ code: 4, signal: null });
    expect(atmd.stderr()).toMatch(
      /^atmd: ATM_LOG_LEVEL: expected one of "error", "warn", "info", "debug", got "chatty"\n/,
    );
  });
});

describe('atm daemon start with a bad config', () => {
  it("passes on atmd's own message and hint, once, with exit 4", async () => {
    await using dir = makeTempDir();
    const configDir = join(dir.path, 'config', 'atm');
    mkdirSync(configDir, { recursive: true });
    const file = join(configDir, 'config.yaml');
    writeFileSync(file, 'daemon: {maxSessions: lots}\n');
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    const result = await runCli(['daemon', 'start'], { env: daemonEnv(dir.path) });
    expect(result.code).toBe(4);
    const [first, ...rest] = result.stderr.trimEnd().split('\n');
    expect(first).toBe(
      `atm: atmd did not start: ${file}: daemon.maxSessions: expected an integer from 1 to 100000, got "lots"`,
    );
    expect(rest).toEqual([expect.stringMatching(/^ {2}hint: fix the value in /)]);
  });
});
