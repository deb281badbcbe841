import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { pollFor } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { startRig } from './dashboard-rig.js';
import { rowNames, waitForScreen, waitForText } from './screen-probes.js';
import { hasTmux } from './tmux-pane.js';

/** A second private tmux server, killed (socket removed) on dispose. */
function startServer() {
  const name = `atm-test-b-${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-u', '-L', name, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      env: { ...process.env, TMUX: undefined },
    }).trimEnd();
  tmux('new-session', '-d', '-s', 'other', '-x', '80', '-y', '24', 'sleep', '3600');
  const socket = tmux('display-message', '-p', '#{socket_path}');
  return {
    tmux,
    socket,
    tmuxEnv: tmux('display-message', '-p', '-t', 'other:', '#{socket_path},#{pid},#{session_id}').replace('$', ''),
    [Symbol.dispose]() {
      spawnSync('tmux', ['-L', name, 'kill-server']);
      rmSync(socket, { force: true });
    },
  };
}

/**
 * Pane ids repeat across tmux servers: here the dashboard's server A and another server B both
 * have a pane %1. Enter on B's session must make B's pane active and leave A as it was (it used
 * to select A's own %1), and say how to look at B from here.
 */
describe.skipIf(!hasTmux)('Enter on a session of another tmux server', () => {
  it(
    "makes that server's pane active, leaves the dashboard's server alone, and says how to attach",
    { timeout: 90_000 },
    async () => {
      await using rig = await startRig();
      using serverB = startServer();
      await using agentB = spawnAgent();
      const alpha = rig.addAgent('alpha'); // A's %1
      const paneB = serverB.tmux(
        'new-window',
        '-d',
        '-t',
        'other:',
        '-n',
        'beta',
        '-P',
        '-F',
        '#{pane_id}',
        'sleep',
        '3600',
      );
      expect(paneB).toBe(alpha.pane); // the same id, on two servers
      await rig.report(alpha, 'PreToolUse', {}, (s) => s.status === 'working');
      const betaId = sessionId('beta');
      const env = { ...rig.daemon.env, TMUX_PANE: paneB, TMUX: serverB.tmuxEnv, ATM_AGENT_PID: String(agentB.pid) };
      const stdin = JSON.stringify(hook(betaId, 'PermissionRequest', { cwd: rig.root }));
      await pollFor(
        async () => {
          await runCli(['hook'], { env, stdin });
          const beta = (await listSessions(rig.daemon.socketPath)).find((s) => s.id === betaId);
          return beta?.status === 'waiting' ? beta : undefined;
        },
        { what: 'beta (on server B) to reach atmd', timeoutMs: 15_000, intervalMs: 100 },
      );
      const focusB = () => serverB.tmux('display-message', '-p', '-t', paneB, '#{pane_active} #{window_active}');
      expect(focusB()).toBe('1 0');
      const dashboardWindowBefore = rig.tmux('display-message', '-p', '-t', 'dash:', '#{window_index}');

      rig.launch();
      await waitForScreen(rig.dashboard, (lines) => rowNames(lines).length === 2 && lines, 'both sessions');
      rig.dashboard.sendKeys('/');
      rig.dashboard.type('beta');
      rig.dashboard.sendKeys('Enter');
      await waitForText(rig.dashboard, 'filter: beta');
      rig.dashboard.sendKeys('Enter');

      await waitForText(
        rig.dashboard,
        `That pane is on another tmux server; to see it, run: tmux -S ${serverB.socket} attach -t ${paneB}`,
      );
      expect(focusB()).toBe('1 1'); // B's pane is the one B shows now
      expect(rig.focusOf(alpha.pane)).toBe('1 0'); // A's own %1 was not selected…
      expect(rig.tmux('display-message', '-p', '-t', 'dash:', '#{window_index}')).toBe(dashboardWindowBefore); // …nor its window
    },
  );
});
