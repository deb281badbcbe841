import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { REPO_ROOT } from '../../helpers/built.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('atm service without a service manager, or from a temporary place', () => {
  it('install says no user manager answers, and that atm starts atmd by itself instead', async () => {
    await using dir = makeTempDir();
    // A fresh runtime dir with no systemd in it: as in a container, or WSL without systemd.
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    const env = { ...daemonEnv(dir.path), TMPDIR: join(dir.path, 'tmp') };
    const result = await runCli(['service', 'install'], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^atm: cannot install the systemd user units: no systemd user manager answers here \(systemctl --user: .+\)\n/,
    );
    expect(result.stderr).toContain('hint: without a service manager atm starts atmd by itself when needed');
  });

  it('install refuses to run atmd from a temporary directory, naming it', async () => {
    await using dir = makeTempDir();
    const env = { ...daemonEnv(dir.path), TMPDIR: join(REPO_ROOT, '..') };
    const result = await runCli(['service', 'install'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('atm: will not install a service that runs ');
    expect(result.stderr).toContain(`: it is in the temporary directory ${join(REPO_ROOT, '..')}`);
  });
});
