import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { pollUntil } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { hasTmux, startTmuxServer } from '../../integration/tmux/tmux-server.js';

/**
 * The zero-cost status segment: a real atmd keeps @atm_* on the real tmux server a session
 * reports from (`$TMUX`), and removes them when it stops. Reports go through `atm hook`.
 */
describe.skipIf(!hasTmux)(`tmux status options${hasTmux ? '' : ' (skipped: tmux is not installed)'}`, () => {
  it('counts a waiting session within a moment, and clears everything at exit', { timeout: 60_000 }, async () => {
    await using tmux = startTmuxServer({ name: 'agents', window: 'claude' });
    const socket = tmux.tmux('display-message', '-p', '#{socket_path}');
    const pane = tmux.tmux('display-message', '-p', '#{pane_id}');
    await using daemon = await startDaemon();
    await using agent = spawnAgent();
    const env = { ...daemon.env, ATM_AGENT_PID: String(agent.pid), TMUX_PANE: pane, TMUX: `${socket},1,0` };
    const id = sessionId('status');
    const send = async (event: string): Promise<void> => {
      const result = await runCli(['hook'], { env, stdin: JSON.stringify(hook(id, event)) });
      expect(result.code).toBe(0);
    };
    const option = (name: string): string => tmux.tmux('show-options', '-gqv', name);

    await send('UserPromptSubmit');
    await pollUntil(() => option('@atm_working') === '1', { what: '@atm_working to read 1' });
    await send('PreToolUse');
    const askedAt = Date.now();
    await send('PermissionRequest');
    await pollUntil(() => option('@atm_waiting') === '1', { what: '@atm_waiting to read 1' });
    console.log(`@atm_waiting read 1 within ${Date.now() - askedAt} ms of the PermissionRequest hook starting`);
    expect(option('@atm_working')).toBe('0');
    expect(option('@atm_status')).toBe('#[fg=yellow,bold]1 waiting#[default]');

    const plain = await runCli(['status'], { env: daemon.env });
    expect(plain).toMatchObject({ code: 0, stdout: '1 waiting\n', stderr: '' });
    const formatted = await runCli(['status', '--format', '{waiting}/{total} {text}'], { env: daemon.env });
    expect(formatted.stdout).toBe('1/1 1 waiting\n');

    expect(await daemon.stop()).toBe(0);
    expect([option('@atm_waiting'), option('@atm_working'), option('@atm_status')]).toEqual(['', '', '']);
  });

  it('atm status with no daemon says so and exits 3', async () => {
    await using daemon = await startDaemon();
    await daemon.stop();
    const result = await runCli(['status'], { env: daemon.env });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/cannot reach atmd/);
  });
});
