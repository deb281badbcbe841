import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/built.js';

/**
 * makepkg and brew do not run here, so the Arch and Homebrew recipes are checked for what can be
 * checked without them: they parse, and they name this package's version and the paths and
 * helpers the issue asks for. The Debian package is built and linted for real (integration).
 */
const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');
const { version } = JSON.parse(read('package.json')) as { version: string };

describe('packaging recipes', () => {
  it('PKGBUILD parses, names this version and installs to the Arch paths', () => {
    const out = execFileSync(
      'bash',
      [
        '-c',
        'source "$1"; echo "$pkgver $arch $license"; declare -F package',
        'bash',
        join(REPO_ROOT, 'packaging/arch/PKGBUILD'),
      ],
      { encoding: 'utf8' },
    );
    expect(out).toBe(`${version} any MIT\npackage\n`);
    const text = read('packaging/arch/PKGBUILD');
    for (const path of [
      'npm install -g --prefix "$pkgdir/usr"',
      'chown -R root:root "$pkgdir"',
      '/usr/share/bash-completion/completions/atm',
      '/usr/share/zsh/site-functions/_atm',
      '/usr/share/fish/vendor_completions.d/atm.fish',
      '/usr/lib/systemd/user/atm.socket',
    ])
      expect(text).toContain(path);
  });

  it('the Homebrew formula names this version and uses std_npm_args and completions from atm', () => {
    const text = read('packaging/homebrew/atm.rb');
    expect(text).toContain(`agent-tmux-monitor-${version}.tgz`);
    expect(text).toContain('std_npm_args');
    expect(text).toContain('generate_completions_from_executable(bin/"atm", "completion")');
    expect(text).toMatch(/man1\.install .*man\/atm\.1/);
    const ruby = spawnSync('ruby', ['-c', join(REPO_ROOT, 'packaging/homebrew/atm.rb')], { encoding: 'utf8' });
    if (ruby.error === undefined) expect(ruby.stdout).toContain('Syntax OK'); // no ruby here: unverified
  });

  it('the Debian control names the dependencies the issue asks for', () => {
    const control = read('packaging/debian/control');
    expect(control).toContain('Depends: nodejs (>= 20.19)\n');
    expect(control).toContain('Recommends: tmux, netcat-openbsd\n');
  });
});
