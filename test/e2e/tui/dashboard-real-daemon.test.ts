import { describe, expect, it } from 'vitest';
import { listSessions } from '../../helpers/daemon-probes.js';
import { pollFor } from '../../helpers/poll.js';
import { connectWire } from '../../helpers/wire-client.js';
import { answers } from '../../../src/platform/socket-probe.js';
import { startRig } from './dashboard-rig.js';
import {
  exitStatusOf,
  parseStyledCapture,
  rowNames,
  rowState,
  styleOf,
  waitForScreen,
  waitForText,
} from './screen-probes.js';
import { hasTmux } from './tmux-pane.js';

/**
 * The dashboard's life around the daemon, all real: atmd killed under it and started again on
 * the same socket, and `atm` started when no atmd answers.
 */
const isWorking = (s: { status?: unknown }) => s.status === 'working';
const isWaiting = (s: { status?: unknown }) => s.status === 'waiting';
const isIdle = (s: { status?: unknown }) => s.status === 'idle';

const BANNER = /^ Daemon disconnected — reconnecting in (\d+)s/;
const RED = 1;

/** The pid atmd gives in its welcome. */
async function daemonPid(socketPath: string): Promise<number> {
  await using client = await connectWire(socketPath);
  const welcome = await client.hello();
  if (typeof welcome.pid !== 'number') throw new Error(`no pid in ${JSON.stringify(welcome)}`);
  return welcome.pid;
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A process this test did not spawn (the atmd that `atm` started), SIGTERMed and waited for on dispose. */
function stopOnDispose(pid: number): AsyncDisposable {
  return {
    async [Symbol.asyncDispose]() {
      if (!isRunning(pid)) return;
      process.kill(pid, 'SIGTERM');
      await pollFor(() => (isRunning(pid) ? undefined : true), { what: `atmd ${pid} to exit` }).catch(() =>
        process.kill(pid, 'SIGKILL'),
      );
    },
  };
}

describe.skipIf(!hasTmux)('the dashboard when the daemon goes and comes back', () => {
  it('shows the red banner, keeps the last sessions dimmed, and recovers by itself', { timeout: 90_000 }, async () => {
    await using rig = await startRig();
    const alpha = rig.addAgent('alpha');
    const beta = rig.addAgent('beta');
    await rig.report(alpha, 'PreToolUse', {}, isWorking);
    await rig.report(beta, 'PermissionRequest', {}, isWaiting);
    rig.launch();
    await waitForScreen(rig.dashboard, (lines) => rowNames(lines).length === 2, 'both sessions');

    expect(await rig.daemon.stop()).toBe(0);
    const down = await waitForScreen(rig.dashboard, (lines) => BANNER.test(lines[1] ?? '') && lines, 'the banner');
    expect(down[0]).toContain('✕ disconnected');
    // The last known sessions stay, with their status, dimmed.
    expect(rowState(down, 'alpha')).toEqual({ glyph: '●', state: 'working' });
    expect(rowState(down, 'beta')).toEqual({ glyph: '◆', state: 'waiting' });
    const styled = parseStyledCapture(rig.tmux('capture-pane', '-p', '-e', '-t', 'dash:0.0'));
    expect(styleOf(styled, 'Daemon disconnected')?.every((c) => c.bg === RED)).toBe(true);
    expect(styleOf(styled, '● alpha')?.every((c) => c.dim)).toBe(true);

    // Retries back off: 1 s, 2 s, then 4 s, so a countdown from 3 or 4 shows up.
    await waitForScreen(
      rig.dashboard,
      (lines) => Number(BANNER.exec(lines[1] ?? '')?.[1] ?? 0) >= 3,
      'a retry 4 s away',
    );

    // atmd returns on the same socket: no key pressed, the dashboard reconnects by itself.
    await rig.daemon.restart();
    const back = await waitForScreen(
      rig.dashboard,
      (lines) => lines[0]?.includes('● connected') === true && !lines.some((l) => BANNER.test(l)) && lines,
      'the reconnection',
    );
    expect(rowState(back, 'alpha')).toEqual({ glyph: '●', state: 'working' });
    expect(rowState(back, 'beta')).toEqual({ glyph: '◆', state: 'waiting' });
    const styledBack = parseStyledCapture(rig.tmux('capture-pane', '-p', '-e', '-t', 'dash:0.0'));
    expect(styleOf(styledBack, '● alpha')?.some((c) => c.dim)).toBe(false);

    // Live updates flow again.
    await rig.report(beta, 'Stop', {}, isIdle);
    await waitForScreen(rig.dashboard, (lines) => rowState(lines, 'beta')?.state === 'idle', 'beta idle');

    rig.dashboard.sendKeys('q');
    expect(await exitStatusOf(rig.dashboard)).toBe(0);
  });

  it('with no daemon at start, atm starts one, says so, and the sessions persist', { timeout: 90_000 }, async () => {
    await using rig = await startRig();
    const alpha = rig.addAgent('alpha');
    const beta = rig.addAgent('beta');
    await rig.report(alpha, 'PreToolUse', {}, isWorking);
    await rig.report(beta, 'PermissionRequest', {}, isWaiting);
    const { socketPath } = rig.daemon;
    const harnessPid = rig.daemon.process.pid;
    expect(await rig.daemon.stop()).toBe(0);
    expect(await answers(socketPath)).toBe(false);

    rig.launch();
    const started = await waitForText(rig.dashboard, `Started atmd on ${socketPath}.`);
    expect(started.at(-1)).toBe(`Started atmd on ${socketPath}.`);
    const pid = await daemonPid(socketPath);
    await using _started = stopOnDispose(pid);
    expect(pid).not.toBe(harnessPid);

    // The sessions the first daemon saved are back, with their status.
    const shown = await waitForScreen(rig.dashboard, (lines) => rowNames(lines).length === 2 && lines, 'both sessions');
    expect(shown[0]).toContain('● connected');
    expect(rowState(shown, 'alpha')).toEqual({ glyph: '●', state: 'working' });
    expect(rowState(shown, 'beta')).toEqual({ glyph: '◆', state: 'waiting' });
    // The first key dismisses the notice.
    rig.dashboard.sendKeys('j');
    await waitForScreen(rig.dashboard, (lines) => /^↑↓ move/.test(lines.at(-1) ?? ''), 'the key hints');

    // The daemon outlives the dashboard, with the sessions.
    rig.dashboard.sendKeys('q');
    expect(await exitStatusOf(rig.dashboard)).toBe(0);
    expect(isRunning(pid)).toBe(true);
    const ids = (await listSessions(socketPath)).map((session) => session.id).sort();
    expect(ids).toEqual([alpha.id, beta.id].sort());
  });

  it('--no-start with no daemon says how to start one, and starts none', { timeout: 90_000 }, async () => {
    await using rig = await startRig(['--no-start']);
    const { socketPath } = rig.daemon;
    expect(await rig.daemon.stop()).toBe(0);
    rig.launch();
    // `atm`, or how to run this atm when it is not on PATH (dashboard-quit-line.test.ts checks which).
    const screen = await waitForText(rig.dashboard, 'No atm daemon answers. Start one with `');
    const text = screen.map((line) => line.trim()).join(' '); // the message wraps
    expect(text).toMatch(/Start one with `(atm|node \S+) daemon start`/);
    expect(await answers(socketPath)).toBe(false); // --no-start started nothing
    rig.dashboard.sendKeys('q');
    expect(await exitStatusOf(rig.dashboard)).toBe(0);
  });
});
