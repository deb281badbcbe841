import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATMD_NODE_OPTIONS } from '../../../src/platform/atmd-node-options.js';
import { runFile } from '../../../src/platform/exec-file.js';
import { spawnAgent } from '../../helpers/agent-process.js';
import { sessionId } from '../../helpers/claude-payloads.js';
import { pollUntil } from '../../helpers/poll.js';
import { startUserManager, userManagerSkipReason } from '../../helpers/systemd-user-manager.js';
import { makeServiceRig, unitProperty } from './service-rig.js';

const skip = userManagerSkipReason();
if (skip !== null) console.warn(`skipping atm service against systemd: ${skip}`);

describe.skipIf(skip !== null)('atm service in a real systemd user manager', { timeout: 180_000 }, () => {
  it('install: an active private socket, clean units, idempotent; the first hook starts atmd', async () => {
    await using manager = await startUserManager();
    await using agent = spawnAgent();
    const rig = await makeServiceRig(manager, { agentPid: agent.pid });
    const unitDir = join(manager.env.XDG_CONFIG_HOME ?? '', 'systemd', 'user');
    const units = ['atm.socket', 'atm.service'].map((name) => join(unitDir, name));

    const dry = await rig.atm('service', 'install', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`would write ${units[0]}:`);
    expect(dry.stdout).toContain('would run: systemctl --user enable --now atm.socket');
    expect(units.some((file) => existsSync(file))).toBe(false);

    const install = await rig.atm('service', 'install');
    expect(install.stderr).toBe('');
    expect(install.code).toBe(0);
    expect(install.stdout).toContain(`wrote     ${units[1]}`);
    expect(readFileSync(units[1] ?? '', 'utf8')).toContain(`ExecStart=${process.execPath} `);
    expect(await unitProperty(manager, 'atm.socket', 'ActiveState')).toBe('active');
    expect(await unitProperty(manager, 'atm.socket', 'UnitFileState')).toBe('enabled');
    expect(await unitProperty(manager, 'atm.service', 'ActiveState')).toBe('inactive');
    expect(lstatSync(rig.socketPath).isSocket()).toBe(true);
    expect(statSync(rig.socketPath).mode & 0o777).toBe(0o600);
    expect(statSync(manager.runtimeDir).mode & 0o777).toBe(0o700);

    const verify = await runFile('systemd-analyze', ['--user', 'verify', ...units], {
      timeoutMs: 60_000,
      env: manager.env,
    });
    expect(verify).toEqual({ kind: 'exited', exitCode: 0, stdout: '', stderr: '' });

    // Idempotent: enabling again by hand, and installing again, change nothing.
    expect((await manager.systemctl('enable', '--now', 'atm.socket')).code).toBe(0);
    const mtimes = units.map((file) => statSync(file).mtimeMs);
    const again = await rig.atm('service', 'install');
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('wrote');
    expect(again.stdout.match(/^unchanged /gm)).toHaveLength(2);
    expect(units.map((file) => statSync(file).mtimeMs)).toEqual(mtimes);

    // The first hook, through the installed shim, starts atm.service, and atm list shows it.
    const id = sessionId('first');
    const sent = await rig.sendHook(id);
    expect([sent.code, sent.stdout.toString(), sent.stderr.toString()]).toEqual([0, '', '']);
    expect(await rig.listIds()).toEqual([id]);
    expect(await unitProperty(manager, 'atm.service', 'ActiveState')).toBe('active');
    const mainPid = Number(await unitProperty(manager, 'atm.service', 'MainPID'));
    manager.track(mainPid);
    // The unit runs atmd with its node options (src/platform/atmd-node-options.ts).
    expect(readFileSync(`/proc/${mainPid}/cmdline`, 'utf8').split('\0').slice(1, -2)).toEqual([...ATMD_NODE_OPTIONS]);

    const status = await rig.atm('service', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/atm\.socket +enabled, active \(running\)/);
    expect(status.stdout).toMatch(/atm\.service +\w+, active \(running\), main pid \d+/);
    expect(status.stdout).toContain(`${rig.socketPath}: socket 0600, directory 0700`);
    expect(status.stdout).toContain('atmd listening');
  });

  it('stop, then the next hook activates atmd again with every saved session back', async () => {
    await using manager = await startUserManager();
    await using agent = spawnAgent();
    const rig = await makeServiceRig(manager, { agentPid: agent.pid });
    expect((await rig.atm('service', 'install')).code).toBe(0);
    const ids = [sessionId('a'), sessionId('b'), sessionId('c')];
    for (const id of ids) expect((await rig.sendHook(id)).code).toBe(0);
    expect((await rig.listIds()).sort()).toEqual([...ids].sort());
    const before = await unitProperty(manager, 'atm.service', 'MainPID');

    // By hand, atm daemon would fight systemd: it says what to use instead.
    const byHand = await rig.atm('daemon', 'stop');
    expect([byHand.code, byHand.stderr]).toEqual([
      2,
      'atm: atmd runs under the systemd user units, which would start it again\n  hint: use `atm service stop` instead\n',
    ]);
    expect((await manager.systemctl('stop', 'atm.service')).code).toBe(0);
    expect(await unitProperty(manager, 'atm.service', 'ActiveState')).toBe('inactive');
    const next = sessionId('d');
    expect((await rig.sendHook(next)).code).toBe(0);
    expect((await rig.listIds()).sort()).toEqual([...ids, next].sort());
    const after = await unitProperty(manager, 'atm.service', 'MainPID');
    manager.track(Number(after));
    expect(after).not.toBe(before);
  });

  it('uninstall leaves no unit, no enablement link and no socket, and keeps the saved sessions', async () => {
    await using manager = await startUserManager();
    await using agent = spawnAgent();
    const rig = await makeServiceRig(manager, { agentPid: agent.pid });
    expect((await rig.atm('service', 'install')).code).toBe(0);
    const id = sessionId('kept');
    expect((await rig.sendHook(id)).code).toBe(0);
    expect(await rig.listIds()).toEqual([id]);

    const uninstall = await rig.atm('service', 'uninstall');
    expect(uninstall.code).toBe(0);
    expect(uninstall.stdout).toContain('kept the saved sessions');
    const unitDir = join(manager.env.XDG_CONFIG_HOME ?? '', 'systemd', 'user');
    expect(existsSync(join(unitDir, 'atm.socket'))).toBe(false);
    expect(existsSync(join(unitDir, 'atm.service'))).toBe(false);
    expect(existsSync(join(unitDir, 'sockets.target.wants', 'atm.socket'))).toBe(false);
    expect(existsSync(rig.socketPath)).toBe(false);
    expect(await unitProperty(manager, 'atm.socket', 'LoadState')).toBe('not-found');
    expect(readFileSync(rig.stateFile, 'utf8')).toContain(id);

    const twice = await rig.atm('service', 'uninstall');
    expect([twice.code, twice.stdout.trim()]).toEqual([
      0,
      "atm's systemd user units: not installed; nothing to remove",
    ]);
  });

  it('install hands over from an atmd that atm started, without losing a session', async () => {
    await using manager = await startUserManager();
    await using agent = spawnAgent();
    const rig = await makeServiceRig(manager, { agentPid: agent.pid });
    expect((await rig.atm('daemon', 'start')).code).toBe(0);
    const ids = [sessionId('self-1'), sessionId('self-2')];
    for (const id of ids) expect((await rig.sendHook(id)).code).toBe(0);
    const status = await rig.atm('daemon', 'status');
    const selfPid = Number(/pid (\d+)/.exec(status.stdout)?.[1]);
    manager.track(selfPid);

    const install = await rig.atm('service', 'install');
    expect(install.code).toBe(0);
    expect(install.stdout).toContain(
      `handed over: atmd (pid ${selfPid}, started by atm) saved its sessions and stopped`,
    );
    await pollUntil(() => !existsSync(`/proc/${selfPid}`), { what: 'the self-started atmd to be gone' });
    expect((await rig.listIds()).sort()).toEqual([...ids].sort());
    const servicePid = Number(await unitProperty(manager, 'atm.service', 'MainPID'));
    manager.track(servicePid);
    expect(servicePid).not.toBe(selfPid);
  });
});
