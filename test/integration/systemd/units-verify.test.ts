import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderServiceUnit, renderSocketUnit } from '../../../src/integrations/systemd/systemd-units.js';
import { PLIST_FILE_NAME } from '../../../src/integrations/launchd/launchd-plist.js';
import { runFile } from '../../../src/platform/exec-file.js';
import { ATMD_BIN, REPO_ROOT } from '../../helpers/built.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function has(tool: string, args: string[]): boolean {
  try {
    execFileSync(tool, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const analyze = has('systemd-analyze', ['--version']);
if (!analyze) console.warn('skipping unit verification: systemd-analyze is not installed (apt install systemd)');
const root = process.getuid?.() === 0 && has('unshare', ['--version']);
if (!root)
  console.warn('skipping the shipped units check: it mounts an overlay holding /usr/bin/atmd, which needs root');
const python = has('python3', ['-c', 'import plistlib']);
if (!python)
  console.warn("skipping the plistlib check: python3 is not installed (the test's own XML reader still runs)");

/** `systemd-analyze --user verify`: exit 0 and nothing printed means clean. */
async function verify(files: string[], dir: string) {
  const env = { PATH: process.env.PATH, XDG_RUNTIME_DIR: join(dir, 'run') };
  mkdirSync(join(dir, 'run'), { recursive: true, mode: 0o700 });
  const outcome = await runFile('systemd-analyze', ['--user', 'verify', ...files], { timeoutMs: 60_000, env });
  return outcome.kind === 'exited' ? { code: outcome.exitCode, output: `${outcome.stdout}${outcome.stderr}` } : outcome;
}

describe.skipIf(!analyze)('systemd-analyze --user verify', () => {
  it('is clean for the units atm service install renders for this installation', async () => {
    await using dir = makeTempDir();
    const socket = join(dir.path, 'atm.socket');
    const service = join(dir.path, 'atm.service');
    writeFileSync(socket, renderSocketUnit());
    writeFileSync(service, renderServiceUnit({ execStart: [process.execPath, ATMD_BIN] }));
    expect(await verify([socket, service], dir.path)).toEqual({ code: 0, output: '' });
  });

  it.skipIf(!root)('is clean for the shipped units, with /usr/bin/atmd present', async () => {
    await using dir = makeTempDir();
    // The packaged ExecStart names /usr/bin/atmd, which a checkout does not install: put a stub
    // there in a private mount namespace only (an overlay on /usr/bin), so the file is verified as shipped.
    mkdirSync(join(dir.path, 'bin'));
    writeFileSync(join(dir.path, 'bin', 'atmd'), '#!/bin/sh\n', { mode: 0o755 });
    const files = ['atm.socket', 'atm.service'].map((name) => join(REPO_ROOT, 'systemd', name));
    const overlay = `mount -t overlay overlay -o lowerdir=${join(dir.path, 'bin')}:/usr/bin /usr/bin &&`;
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    const outcome = await runFile(
      'unshare',
      [
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        `${overlay} exec systemd-analyze --user verify "$@"`,
        'sh',
        ...files,
      ],
      { timeoutMs: 60_000, env: { PATH: process.env.PATH, XDG_RUNTIME_DIR: join(dir.path, 'run') } },
    );
    expect(outcome).toEqual({ kind: 'exited', exitCode: 0, stdout: '', stderr: '' });
  });

  it('reports a broken unit, so a clean result means something', async () => {
    await using dir = makeTempDir();
    const service = join(dir.path, 'atm.service');
    writeFileSync(service, renderServiceUnit({ execStart: [join(dir.path, 'no-such-node'), ATMD_BIN] }));
    const result = await verify([service], dir.path);
    expect(result).toMatchObject({ code: 1, output: expect.stringContaining('no-such-node') });
  });
});

describe.skipIf(!python)("python's plistlib", () => {
  it('reads the shipped launchd template', async () => {
    const outcome = await runFile(
      'python3',
      [
        '-c',
        'import plistlib,sys,json; print(json.dumps(plistlib.load(open(sys.argv[1],"rb"))))',
        join(REPO_ROOT, 'launchd', PLIST_FILE_NAME),
      ],
      { timeoutMs: 30_000 },
    );
    expect(outcome.kind === 'exited' && JSON.parse(outcome.stdout)).toMatchObject({
      RunAtLoad: true,
      KeepAlive: { SuccessfulExit: false },
    });
  });
});
