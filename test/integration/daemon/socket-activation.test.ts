import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAtmd, spawnChild } from '../../helpers/atmd-process.js';
import { ATMD_BIN } from '../../helpers/built.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { readDaemonLog, waitForLog } from '../../helpers/daemon-log.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { connectWire } from '../../helpers/wire-client.js';
import { answers } from '../../../src/platform/socket-probe.js';

function hasSocketActivate(): boolean {
  try {
    execFileSync('systemd-socket-activate', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const available = hasSocketActivate();
if (!available)
  console.warn('skipping socket activation: systemd-socket-activate is not installed (apt install systemd)');

/** The XDG variables atmd needs; systemd-socket-activate passes only those named with -E. */
const PASSED = ['XDG_RUNTIME_DIR', 'XDG_STATE_HOME', 'XDG_CONFIG_HOME', 'ATM_LOG_LEVEL'] as const;

describe.skipIf(!available)('socket activation through systemd-socket-activate', () => {
  it('starts atmd on the first connection, which it serves; SIGTERM leaves the socket to systemd', async () => {
    await using dir = makeTempDir();
    const env = daemonEnv(dir.path);
    for (const sub of ['run', 'state', 'config/atm', 'home'])
      mkdirSync(join(dir.path, sub), { recursive: true, mode: 0o700 });
    const socketPath = join(dir.path, 'run', 'atm.sock');
    const stateDir = join(dir.path, 'state', 'atm');
    const args = ['-l', socketPath, ...PASSED.flatMap((name) => ['-E', name]), process.execPath, ATMD_BIN];
    await using activator = spawnChild('systemd-socket-activate', args, env);
    await pollUntil(() => existsSync(socketPath), { what: 'systemd-socket-activate to listen' });
    expect(lstatSync(socketPath).isSocket()).toBe(true);
    // Nothing runs atmd yet: it has never logged.
    expect(readDaemonLog(stateDir)).toEqual([]);

    // The first connection starts it (systemd-socket-activate execs atmd in its own process), and
    // that very connection is served.
    await using client = await connectWire(socketPath);
    expect(await client.hello()).toEqual({
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      daemonVersion: expect.any(String),
      pid: activator.pid,
    });
    const listening = await waitForLog(stateDir, (r) => r.message === 'atmd listening', 'listening');
    expect(listening).toMatchObject({ origin: 'activated', socket: socketPath, pid: activator.pid });

    const id = sessionId('activated');
    expect(await sendOneShot(socketPath, {}, hook(id, 'UserPromptSubmit'))).toBe('');
    expect((await listSessions(socketPath)).map((s) => s.id)).toEqual([id]);

    expect(await activator.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    await client.closed();
    // systemd owns the socket file: atmd must not remove it.
    expect(lstatSync(socketPath).isSocket()).toBe(true);
    expect(readDaemonLog(stateDir).at(-1)).toMatchObject({ message: 'atmd stopped' });
  });

  it('ignores LISTEN_FDS meant for another process and binds the socket itself', async () => {
    await using dir = makeTempDir();
    const env = { ...daemonEnv(dir.path), LISTEN_FDS: '1', LISTEN_PID: '1' };
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    const socketPath = join(dir.path, 'run', 'atm.sock');
    await using atmd = spawnAtmd(env);
    await pollUntil(async () => atmd.process.exitCode !== null || (await answers(socketPath, 200)), {
      what: 'atmd to answer',
    });
    expect(atmd.process.exitCode).toBeNull();
    const listening = await waitForLog(
      join(dir.path, 'state', 'atm'),
      (r) => r.message === 'atmd listening',
      'listening',
    );
    expect(listening).toMatchObject({ origin: 'bound', socket: socketPath });
    await using client = await connectWire(socketPath);
    expect(await client.hello()).toMatchObject({ type: 'welcome', pid: atmd.pid });
  });
});
