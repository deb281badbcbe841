import { existsSync, lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAtmd } from '../../helpers/atmd-process.js';
import { daemonEnv, startDaemon } from '../../helpers/daemon-harness.js';
import { readDaemonLog } from '../../helpers/daemon-log.js';
import { expectStillServing, openBystander } from '../../helpers/daemon-probes.js';
import { pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { connectWire } from '../../helpers/wire-client.js';
import { answers } from '../../../src/platform/socket-probe.js';

describe('the socket file', () => {
  it('is created 0600 in a fresh 0700 directory', async () => {
    await using dir = makeTempDir();
    const socketDir = join(dir.path, 'fresh', 'nested');
    const socketPath = join(socketDir, 'atm.sock');
    await using atmd = spawnAtmd({ ...daemonEnv(dir.path), ATM_SOCKET: socketPath });
    await pollUntil(() => answers(socketPath, 200), { what: 'atmd to answer' });
    expect(lstatSync(socketPath).isSocket()).toBe(true);
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
    expect(await atmd.stop()).toEqual({ code: 0, signal: null });
  });

  it('refuses to share its directory with other users', async () => {
    await using dir = makeTempDir();
    const socketDir = join(dir.path, 'open');
    mkdirSync(socketDir, { mode: 0o777 });
    // mkdir honours the umask; make sure the directory really is group/world-writable.
    (await import('node:fs')).chmodSync(socketDir, 0o777);
    await using atmd = spawnAtmd({ ...daemonEnv(dir.path), ATM_SOCKET: join(socketDir, 'atm.sock') });
    const { code } = await atmd.exited;
    expect(code).not.toBe(0);
    expect(atmd.stderr()).toContain(`the socket directory ${socketDir} is writable by other users`);
  });

  it('a second atmd on the same socket refuses to start, and the first keeps serving', async () => {
    await using daemon = await startDaemon();
    await using bystander = await openBystander(daemon.socketPath);
    await using second = spawnAtmd(daemon.env);
    expect(await second.exited).toEqual({ code: 3, signal: null });
    expect(second.stderr()).toMatch(
      new RegExp(`^atmd: another atmd already answers on ${daemon.socketPath}\\n  hint: .+\\n$`),
    );
    expect(lstatSync(daemon.socketPath).isSocket()).toBe(true);
    await expectStillServing(daemon.socketPath, bystander);
    await using client = await connectWire(daemon.socketPath);
    expect(await client.hello()).toMatchObject({ type: 'welcome', pid: daemon.process.pid });
  });

  it('replaces the stale socket file a SIGKILLed daemon left behind', async () => {
    await using daemon = await startDaemon();
    const oldPid = daemon.process.pid;
    await daemon.stop('SIGKILL');
    expect(lstatSync(daemon.socketPath).isSocket()).toBe(true); // left behind
    expect(await answers(daemon.socketPath)).toBe(false);
    await daemon.restart();
    await using client = await connectWire(daemon.socketPath);
    const welcome = await client.hello();
    expect(welcome).toMatchObject({ type: 'welcome', pid: daemon.process.pid });
    expect(welcome.pid).not.toBe(oldPid);
  });

  it('refuses a path that is not a socket, and leaves that file alone', async () => {
    await using dir = makeTempDir();
    const env = daemonEnv(dir.path);
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    const socketPath = join(dir.path, 'run', 'atm.sock');
    writeFileSync(socketPath, 'precious data\n');
    await using atmd = spawnAtmd(env);
    const { code } = await atmd.exited;
    expect(code).not.toBe(0);
    expect(atmd.stderr()).toMatch(
      new RegExp(
        `^atmd: ${socketPath} exists and is not a socket\\n  hint: move that file away, or set ATM_SOCKET to another path\\n$`,
      ),
    );
    expect(readFileSync(socketPath, 'utf8')).toBe('precious data\n');
    expect(
      readDaemonLog(join(dir.path, 'state', 'atm')).some(
        (r) => r.level === 'error' && r.message === 'atmd failed to start',
      ),
    ).toBe(true);
    expect(existsSync(socketPath)).toBe(true);
  });
});
