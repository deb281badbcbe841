import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../../src/cli/commands/doctor-check.js';
import { spawnAgent } from '../../helpers/agent-process.js';
import { ATM_BIN } from '../../helpers/built.js';
import { startUserManager, userManagerSkipReason } from '../../helpers/systemd-user-manager.js';
import { makeServiceRig, type ServiceRig } from './service-rig.js';

const skip = userManagerSkipReason();
if (skip !== null) console.warn(`skipping atm doctor against systemd: ${skip}`);

async function doctor(rig: ServiceRig, bin: string) {
  const result = await rig.atm('doctor', '--json');
  const parsed = JSON.parse(result.stdout) as { ok: boolean; checks: DoctorCheck[] };
  const failed = parsed.checks.filter((check) => check.status === 'fail').map((c) => ({ name: c.name, fix: c.fix }));
  return { code: result.code, ok: parsed.ok, failed, checks: parsed.checks, bin };
}

describe.skipIf(skip !== null)('atm doctor on a real install under systemd', () => {
  it('passes when healthy, and names the broken piece and its fix when something breaks', async () => {
    await using manager = await startUserManager();
    await using agent = spawnAgent();
    // `atm` on PATH, as an installed one is.
    const bin = join(manager.root, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'atm'), `#!/bin/sh\nexec ${process.execPath} ${ATM_BIN} "$@"\n`, { mode: 0o755 });
    manager.env.PATH = `${bin}:${manager.env.PATH ?? ''}`;
    const rig = await makeServiceRig(manager, { agentPid: agent.pid });
    expect((await rig.atm('service', 'install')).code).toBe(0);

    // Healthy. atm.service is not running yet: the doctor's own connection starts it.
    const healthy = await doctor(rig, bin);
    expect(healthy.failed).toEqual([]);
    expect([healthy.code, healthy.ok]).toEqual([0, true]);
    expect(healthy.checks.map((check) => check.name)).toEqual([
      'node',
      'atm on PATH',
      'config',
      'service',
      'socket',
      'atmd',
      'hooks',
      'status line',
      'shim',
      'claude code',
      'tmux',
      'state dir',
      'log dir',
    ]);
    expect(healthy.checks.find((check) => check.name === 'shim')?.detail).toContain('came back');
    expect(await rig.listIds()).toEqual([]); // the probe's session is gone again
    const text = await rig.atm('doctor');
    expect(text.stdout).toMatch(/^✓ shim +a probe report went through /m);
    expect(text.stdout).toMatch(/atm doctor: every check passed\n$/);

    // The socket with the wrong mode.
    chmodSync(rig.socketPath, 0o666);
    const chmodFix = `chmod 600 ${rig.socketPath}`;
    expect((await doctor(rig, bin)).failed).toEqual([
      { name: 'socket', fix: chmodFix },
      { name: 'atmd', fix: chmodFix },
      { name: 'shim', fix: 'fix atmd (above), then: atm doctor' },
    ]);
    chmodSync(rig.socketPath, 0o600);

    // The hooks removed from settings.json.
    const settingsPath = join(manager.env.HOME ?? '', '.claude', 'settings.json');
    const settings = readFileSync(settingsPath, 'utf8');
    writeFileSync(settingsPath, JSON.stringify({ ...(JSON.parse(settings) as object), hooks: {} }));
    const noHooks = await doctor(rig, bin);
    expect(noHooks.code).toBe(1);
    expect(noHooks.failed).toEqual([{ name: 'hooks', fix: 'atm setup' }]);
    writeFileSync(settingsPath, settings);

    // The shim deleted.
    rmSync(rig.shim);
    expect((await doctor(rig, bin)).failed).toEqual([{ name: 'shim', fix: 'atm setup' }]);
    expect((await rig.atm('setup')).code).toBe(0);

    // The service stopped (socket and all).
    expect((await rig.atm('service', 'stop')).code).toBe(0);
    const stopped = await doctor(rig, bin);
    expect(stopped.failed.map((check) => check.name)).toEqual(['service', 'socket', 'atmd', 'shim']);
    expect(stopped.failed.slice(0, 3).map((check) => check.fix)).toEqual([
      'atm service start',
      'atm service start',
      'atm service start',
    ]);
    expect((await rig.atm('service', 'start')).code).toBe(0);
    expect((await doctor(rig, bin)).failed).toEqual([]);
  }, 180_000);
});
