import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/built.js';
import { pollFor } from '../../helpers/poll.js';
import { answers } from '../../../src/platform/socket-probe.js';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.js';

/**
 * What a user gets: a fresh clone's `npm pack` tarball (prepack builds it), installed with
 * `npm install -g` into an empty prefix, must give working atm and atmd and `man atm`, and hold
 * nothing from test/, src/, bench/ or source maps. The Debian package is built from that same
 * tarball with dpkg-deb (packaging/debian/build-deb.sh), its file list checked, atm run from the
 * `dpkg -x` tree, and lintian run on it. The registry is reached for the dependencies (npm's
 * cache first), as any install does.
 */
const has = (command: string, ...args: string[]): boolean => spawnSync(command, args).error === undefined;
const hasGit = has('git', '--version') && spawnSync('git', ['-C', REPO_ROOT, 'rev-parse']).status === 0;
const SLOW_MS = 600_000;

let temp: TempDir;
let tarball: string;
let files: string[];

const run = (command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: SLOW_MS, ...options });

describe.skipIf(!hasGit)('the npm package', { timeout: SLOW_MS }, () => {
  beforeAll(() => {
    temp = makeTempDir('atm-pack-');
    const clone = join(temp.path, 'clone');
    run('git', ['clone', '--quiet', REPO_ROOT, clone]);
    // The clone's dependencies are this checkout's (same lock file): npm ci would only refetch them.
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'));
    run('npm', ['pack', '--silent', '--pack-destination', temp.path], { cwd: clone });
    const name = readdirSync(temp.path).find((entry) => entry.endsWith('.tgz'));
    if (name === undefined) throw new Error('npm pack made no tarball');
    tarball = join(temp.path, name);
    files = run('tar', ['tzf', tarball]).trim().split('\n');
  }, SLOW_MS);
  afterAll(() => temp?.[Symbol.dispose]());

  it('ships dist, man, completions, units, LICENSE, README and docs, and nothing else', () => {
    const top = new Set(files.map((path) => path.split('/')[1]));
    expect([...top].sort()).toEqual(
      ['LICENSE', 'README.md', 'completions', 'dist', 'docs', 'launchd', 'man', 'package.json', 'systemd'].sort(),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'package/dist/cli/main.js',
        'package/dist/daemon/main.js',
        'package/man/atm.1',
        'package/man/atmd.8',
        'package/man/atm.conf.5',
        'package/completions/atm.bash',
        'package/completions/_atm',
        'package/completions/atm.fish',
        'package/systemd/atm.socket',
        'package/systemd/atm.service',
      ]),
    );
    expect(files.filter((path) => /\.(map|ts)$|^package\/(test|src|bench|scripts)\//.test(path))).toEqual([]);
  });

  it('installs into an empty prefix: atm, atmd and man atm work', async () => {
    const prefix = join(temp.path, 'prefix');
    run('npm', ['install', '-g', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund']);
    const bin = join(prefix, 'bin');
    expect(run(join(bin, 'atm'), ['--version'])).toMatch(/^atm \d+\.\d+\.\d+\n$/);
    expect(run(join(bin, 'atmd'), ['--version'])).toMatch(/^atmd \d+\.\d+\.\d+\n$/);
    const page = run('man', ['-P', 'cat', 'atm'], { env: { ...process.env, MANPATH: join(prefix, 'share', 'man') } });
    expect(page).toContain('Agent Tmux Monitor');
    expect(page).toContain('EXIT STATUS');

    // The installed atmd serves the installed atm.
    const home = join(temp.path, 'home');
    for (const sub of ['run', 'state', 'config']) mkdirSync(join(home, sub), { recursive: true, mode: 0o700 });
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      XDG_RUNTIME_DIR: join(home, 'run'),
      XDG_STATE_HOME: join(home, 'state'),
      XDG_CONFIG_HOME: join(home, 'config'),
    };
    const atmd = spawn(join(bin, 'atmd'), [], { env, stdio: 'ignore' });
    try {
      await pollFor(async () => ((await answers(join(home, 'run', 'atm.sock'), 200)) ? true : undefined), {
        what: 'the installed atmd to answer',
        timeoutMs: 20_000,
      });
      expect(JSON.parse(run(join(bin, 'atm'), ['list', '--json'], { env }))).toEqual([]);
    } finally {
      const exited = new Promise((resolve) => atmd.once('exit', resolve));
      atmd.kill('SIGTERM');
      await exited;
    }
  });

  describe.skipIf(!has('dpkg-deb', '--version'))('the Debian package (dpkg-deb from the tarball)', () => {
    let deb: string;
    beforeAll(() => {
      deb = run('sh', [join(REPO_ROOT, 'packaging', 'debian', 'build-deb.sh'), tarball, join(temp.path, 'deb')]).trim();
    }, SLOW_MS);

    it('holds the commands, man pages, completions, units and copyright where Debian wants them', () => {
      const listed = run('dpkg-deb', ['-c', deb])
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/)[5] ?? '');
      expect(listed).toEqual(
        expect.arrayContaining([
          './usr/bin/atm',
          './usr/bin/atmd',
          './usr/share/man/man1/atm.1.gz',
          './usr/share/man/man5/atm.conf.5.gz',
          './usr/share/man/man8/atmd.8.gz',
          './usr/share/bash-completion/completions/atm',
          './usr/share/zsh/vendor-completions/_atm',
          './usr/share/fish/vendor_completions.d/atm.fish',
          './usr/lib/systemd/user/atm.socket',
          './usr/lib/systemd/user/atm.service',
          './usr/share/doc/atm/copyright',
          './usr/lib/node_modules/agent-tmux-monitor/dist/cli/main.js',
        ]),
      );
      // atm's own files (its dependencies, in node_modules below, ship as npm publishes them).
      const ours = listed.filter(
        (path) =>
          path.startsWith('./usr/lib/node_modules/agent-tmux-monitor/') &&
          !path.includes('/node_modules/agent-tmux-monitor/node_modules/'),
      );
      expect(ours.filter((path) => /\/agent-tmux-monitor\/(test|src|bench|scripts)\/|\.map$/.test(path))).toEqual([]);
      expect(run('dpkg-deb', ['-f', deb, 'Depends', 'Recommends'])).toBe(
        'Depends: nodejs (>= 20.19)\nRecommends: tmux, netcat-openbsd\n',
      );
    });

    it('runs from the dpkg -x tree', () => {
      const tree = join(temp.path, 'x');
      run('dpkg', ['-x', deb, tree]);
      expect(run(join(tree, 'usr', 'bin', 'atm'), ['--version'])).toMatch(/^atm \d/);
      expect(run(join(tree, 'usr', 'bin', 'atm'), ['list', '--help'])).toContain('Usage: atm list');
      expect(run(join(tree, 'usr', 'bin', 'atmd'), ['--help'])).toContain('atmd — ');
    });

    it.skipIf(!has('lintian', '--version'))('passes lintian (with the overrides in packaging/debian)', () => {
      const result = spawnSync('lintian', ['--fail-on', 'error,warning', deb], { encoding: 'utf8', timeout: SLOW_MS });
      expect(result.stdout.split('\n').filter((line) => /^[EW]: /.test(line))).toEqual([]);
      expect(result.status).toBe(0);
    });
  });
});
