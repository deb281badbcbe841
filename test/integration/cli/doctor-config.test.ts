import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../../src/cli/commands/doctor-check.js';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/** The built `atm doctor`, no daemon: a bad config file is named, and it is the fix that comes first. */
describe('atm doctor and the config file', () => {
  const doctor = async (dir: string) => {
    const result = await runCli(['doctor', '--json'], { env: daemonEnv(dir) });
    const checks = (JSON.parse(result.stdout) as { checks: DoctorCheck[] }).checks;
    return { code: result.code, byName: new Map(checks.map((check) => [check.name, check])) };
  };

  it('says the defaults are used when there is no file', async () => {
    using dir = makeTempDir('atm-doctor-config-');
    const { byName } = await doctor(dir.path);
    expect(byName.get('config')).toMatchObject({ status: 'pass', detail: 'no config file: the defaults' });
  });

  it('fails on a value atmd would refuse, names file and key, and puts that fix before atm daemon start', async () => {
    using dir = makeTempDir('atm-doctor-config-');
    mkdirSync(join(dir.path, 'config', 'atm'), { recursive: true });
    writeFileSync(join(dir.path, 'config', 'atm', 'config.yaml'), 'logLevel: verbose\n');
    const { code, byName } = await doctor(dir.path);
    expect(code).toBe(1);
    const config = byName.get('config');
    expect(config?.status).toBe('fail');
    expect(config?.detail).toMatch(/config\.yaml: logLevel/);
    expect(config?.fix).toMatch(/config\.yaml/);
    expect(byName.get('socket')?.fix).toBe('fix the config (above), then: atm daemon start');
  });
});
