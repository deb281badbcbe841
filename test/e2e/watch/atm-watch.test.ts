import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { ATM_BIN } from '../../helpers/built.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { pollFor, pollUntil } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';

/** `atm watch` as a subprocess of the built CLI, against a real atmd fed through `atm hook`. */
function watch(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [ATM_BIN, 'watch', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    lines: (): Record<string, unknown>[] =>
      stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
    [Symbol.asyncDispose]: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('atm watch', () => {
  it(
    '--json: the snapshot first, a line per change, and it reconnects across a daemon restart',
    { timeout: 60_000 },
    async () => {
      await using daemon = await startDaemon();
      await using agent = spawnAgent();
      const env = { ...daemon.env, ATM_AGENT_PID: String(agent.pid), TMUX_PANE: '%4' };
      const id = sessionId('watch');
      const send = async (event: string) =>
        expect((await runCli(['hook'], { env, stdin: JSON.stringify(hook(id, event)) })).code).toBe(0);
      await send('SessionStart');
      await using w = watch(['--json'], daemon.env);
      const first = await pollFor(() => w.lines()[0], { what: 'the snapshot line' });
      expect(first).toMatchObject({
        type: 'snapshot',
        sessions: [{ id, status: 'idle', pane: '%4', waitingFor: null }],
      });

      await send('UserPromptSubmit');
      await send('PreToolUse');
      await send('PermissionRequest');
      await pollUntil(
        () =>
          w.lines().some((l) => l['type'] === 'change' && (l['session'] as { status?: string }).status === 'waiting'),
        {
          what: 'a change line saying waiting',
        },
      );
      const changes = w.lines().filter((l) => l['type'] === 'change');
      expect(changes.map((l) => (l['session'] as { status: string }).status)).toEqual(['working', 'waiting']);
      expect(changes[1]).toMatchObject({ session: { id, waitingFor: 'permission', project: 'shop-frontend' } });

      await daemon.stop();
      await pollUntil(() => w.lines().some((l) => l['type'] === 'disconnected'), { what: 'a disconnected line' });
      await daemon.restart();
      await pollUntil(() => w.lines().filter((l) => l['type'] === 'snapshot').length === 2, {
        what: 'a fresh snapshot after the restart',
        timeoutMs: 20_000,
      });
      expect(w.lines().at(-1)).toMatchObject({ type: 'snapshot', sessions: [{ id, status: 'waiting' }] });
    },
  );

  it(
    '--until idle --session ID exits 0 when that session is idle; --until gone when it ends',
    { timeout: 60_000 },
    async () => {
      await using daemon = await startDaemon();
      await using agent = spawnAgent();
      const env = { ...daemon.env, ATM_AGENT_PID: String(agent.pid), TMUX_PANE: '%5' };
      const id = sessionId('until');
      const send = async (event: string) =>
        expect((await runCli(['hook'], { env, stdin: JSON.stringify(hook(id, event)) })).code).toBe(0);
      await send('UserPromptSubmit');
      await using idle = watch(['--json', '--until', 'idle', '--session', id], daemon.env);
      await using gone = watch(['--until', 'gone', '--session', id.slice(0, 8)], daemon.env);
      await pollFor(() => idle.lines()[0], { what: 'the snapshot line' });
      await send('Stop');
      expect(await idle.exited).toBe(0);
      await send('SessionEnd');
      expect(await gone.exited).toBe(0);
    },
  );

  it('--until for a session that matches nothing exits 1 at once, whatever the state; a short prefix is a usage error', async () => {
    await using daemon = await startDaemon();
    for (const state of ['gone', 'idle']) {
      const result = await runCli(['watch', '--until', state, '--session', 'deadbeef'], { env: daemon.env });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('atm: no session matches "deadbeef" (atm list shows the ids)\n');
    }
    const short = await runCli(['watch', '--until', 'idle', '--session', '22'], { env: daemon.env });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/--session takes an id or a prefix of 4 or more characters/);
  });

  it('--until without --session is a usage error', async () => {
    const result = await runCli(['watch', '--until', 'idle'], { env: { PATH: process.env.PATH } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--until needs --session/);
  });
});
