import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../helpers/claude-payloads.js';
import { daemonEnv, startDaemon } from '../../helpers/daemon-harness.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/**
 * The hot-path clients never break Claude Code: with no daemon (or garbage on stdin) they exit 0
 * and print nothing (hook) or a line of their own (statusline). Each run gets a generous
 * timeout only so that a hang fails the test instead of stalling it; no timing is asserted.
 */
describe('atm hook and atm statusline with no daemon', () => {
  const cases: [string, (dir: string) => NodeJS.ProcessEnv][] = [
    ['no socket file', (dir) => daemonEnv(dir)],
    [
      'a dead socket file',
      (dir) => {
        // A regular file where the socket should be: connect fails at once.
        mkdirSync(join(dir, 'run'), { recursive: true });
        writeFileSync(join(dir, 'run', 'atm.sock'), '');
        return daemonEnv(dir);
      },
    ],
    ['no runtime dir at all', (dir) => ({ ...daemonEnv(dir), XDG_RUNTIME_DIR: undefined })],
  ];

  describe.each(cases)('%s', (_name, makeEnv) => {
    it.each<[string, string | Buffer, string]>([
      ['a hook payload', fixtureBytes('pre-tool-use-bash'), ''],
      ['garbage', 'this is { not json', ''],
      ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0x0a]), ''],
      ['nothing', '', ''],
    ])('atm hook with %s: exit 0, prints nothing', async (_what, stdin) => {
      await using dir = makeTempDir();
      const result = await runCli(['hook'], { env: makeEnv(dir.path), stdin, timeoutMs: 10_000 });
      expect(result).toMatchObject({ code: 0, signal: null, stdout: '', stderr: '' });
    });

    it.each<[string, string | Buffer, string]>([
      ['the fixture payload', fixtureBytes('statusline'), 'Sonnet 4.5 · ctx 31% · $0.19\n'],
      [
        'a payload with the model only',
        '{"session_id":"x","model":{"id":"claude-opus-4-1","display_name":"Opus 4.1"}}',
        'Opus 4.1\n',
      ],
      ['fields of the wrong types', '{"session_id":7,"model":"Opus","context_window":"big","cost":[1]}', 'atm\n'],
      [
        'escape sequences in the model name',
        '{"model":{"id":"m","display_name":"Evil\\u001b[2J\\u001b]0;x\\u0007 1"}}',
        'Evil 1\n',
      ],
      ['garbage', 'this is { not json', 'atm\n'],
      ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0x0a]), 'atm\n'],
      ['nothing', '', 'atm\n'],
    ])('atm statusline with %s: exit 0, prints a line of its own', async (_what, stdin, line) => {
      await using dir = makeTempDir();
      const result = await runCli(['statusline'], { env: makeEnv(dir.path), stdin, timeoutMs: 10_000 });
      expect(result).toMatchObject({ code: 0, signal: null, stdout: line, stderr: '' });
    });
  });
});

describe('atm hook and atm statusline with a daemon that never answers', () => {
  it('still exit 0: hook prints nothing, statusline its own line', async () => {
    await using dir = makeTempDir();
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    const held: Socket[] = [];
    const server = createServer({ allowHalfOpen: true }, (socket) => void held.push(socket)); // accepts, never reads or answers
    await new Promise<void>((resolve) => server.listen(join(dir.path, 'run', 'atm.sock'), resolve));
    await using _server = {
      [Symbol.asyncDispose]: async () => {
        for (const socket of held) socket.destroy();
        await new Promise((resolve) => server.close(resolve));
      },
    };
    const env = daemonEnv(dir.path);
    const hookRun = await runCli(['hook'], { env, stdin: fixtureBytes('stop'), timeoutMs: 10_000 });
    expect(hookRun).toMatchObject({ code: 0, signal: null, stdout: '', stderr: '' });
    const statusRun = await runCli(['statusline'], { env, stdin: fixtureBytes('statusline'), timeoutMs: 10_000 });
    expect(statusRun).toMatchObject({ code: 0, signal: null, stdout: 'Sonnet 4.5 · ctx 31% · $0.19\n', stderr: '' });
  });
});

describe('atm hook and atm statusline with garbage, with a daemon running', () => {
  it('exit 0: hook prints nothing, statusline prints "atm", the daemon records nothing', async () => {
    await using daemon = await startDaemon();
    for (const stdin of ['garbage {', Buffer.from([0xff, 0x00, 0xfe]), '[]', '{"session_id":"ok-but-no-event"']) {
      expect(await runCli(['hook'], { env: daemon.env, stdin, timeoutMs: 10_000 })).toMatchObject({
        code: 0,
        stdout: '',
        stderr: '',
      });
      expect(await runCli(['statusline'], { env: daemon.env, stdin, timeoutMs: 10_000 })).toMatchObject({
        code: 0,
        stdout: 'atm\n',
        stderr: '',
      });
    }
    expect(await listSessions(daemon.socketPath)).toEqual([]);
  });
});

describe('atm statusline on a busy machine', () => {
  it('never prints a blank status line, even when many run at once with no daemon', async () => {
    await using dir = makeTempDir();
    const env = daemonEnv(dir.path);
    const runs = await Promise.all(
      Array.from({ length: 12 }, () =>
        runCli(['statusline'], { env, stdin: fixtureBytes('statusline'), timeoutMs: 20_000 }),
      ),
    );
    for (const run of runs) {
      expect(run).toMatchObject({ code: 0, signal: null, stderr: '' });
      // Out of time, it may fall back to its name; it must never print nothing.
      expect(run.stdout).toMatch(/^(Sonnet 4\.5 · ctx 31% · \$0\.19|atm)\n$/);
    }
  });
});
