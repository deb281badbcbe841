import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAtmInvocation } from '../../../src/cli/atm-invocation.js';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.js';

/**
 * The advice atm gives (`atm setup`, `atm daemon stop`) must name a command that works: after
 * `npm install && npm start` in a checkout, atm is not on PATH yet. Real files and symlinks in a
 * temp dir stand for the checkout, a global install and PATH.
 */
let temp: TempDir | undefined;
afterEach(() => temp?.[Symbol.dispose]());

/** `<root>/dist/cli/main.js`, an executable file; returns its path. */
function install(root: string): string {
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  const main = join(root, 'dist', 'cli', 'main.js');
  writeFileSync(main, '#!/usr/bin/env node\n');
  chmodSync(main, 0o755);
  return main;
}

/** A PATH directory whose `atm` links to `target` (as npm install -g makes it). */
function binWith(dir: string, target: string): string {
  mkdirSync(dir, { recursive: true });
  symlinkSync(target, join(dir, 'atm'));
  return dir;
}

describe('resolveAtmInvocation: how advice names atm', () => {
  it('says `atm` when the atm on PATH is this very install', () => {
    temp = makeTempDir('atm-inv-');
    const main = install(join(temp.path, 'checkout'));
    const bin = binWith(join(temp.path, 'bin'), main);
    expect(resolveAtmInvocation({ main, pathEnv: `/nonexistent:${bin}`, cwd: temp.path, homeDir: null })).toEqual({
      command: 'atm',
      install: null,
    });
  });

  it('names dist/cli/main.js from the checkout, and `npm install -g .` here, when atm is not on PATH', () => {
    temp = makeTempDir('atm-inv-');
    const root = join(temp.path, 'checkout');
    const main = install(root);
    expect(resolveAtmInvocation({ main, pathEnv: '/usr/bin:/bin', cwd: root, homeDir: null })).toEqual({
      command: 'node dist/cli/main.js',
      install: '`npm install -g .` here',
    });
  });

  it('does not take another install on PATH for this one; paths under home read with ~', () => {
    temp = makeTempDir('atm-inv-');
    const home = temp.path;
    const main = install(join(home, 'src', 'atm'));
    const older = install(join(temp.path, 'older'));
    const bin = binWith(join(temp.path, 'bin'), older);
    expect(resolveAtmInvocation({ main, pathEnv: bin, cwd: '/', homeDir: home })).toEqual({
      command: 'node ~/src/atm/dist/cli/main.js',
      install: '`npm install -g .` in ~/src/atm',
    });
  });

  it('skips an atm on PATH that may not be executed, as a shell does', () => {
    temp = makeTempDir('atm-inv-');
    const main = install(join(temp.path, 'checkout'));
    const bin = join(temp.path, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'atm'), '');
    chmodSync(join(bin, 'atm'), 0o644);
    expect(resolveAtmInvocation({ main, pathEnv: bin, cwd: '/', homeDir: null }).command).toBe(`node ${main}`);
  });

  it('gives no install advice for a copy npm installed (under node_modules)', () => {
    temp = makeTempDir('atm-inv-');
    const main = install(join(temp.path, 'lib', 'node_modules', 'agent-tmux-monitor'));
    expect(resolveAtmInvocation({ main, pathEnv: '', cwd: '/', homeDir: null })).toEqual({
      command: `node ${main}`,
      install: null,
    });
  });

  it('quotes a path a shell would split', () => {
    temp = makeTempDir('atm-inv-');
    const main = install(join(temp.path, "my atm's"));
    expect(resolveAtmInvocation({ main, pathEnv: '', cwd: '/', homeDir: null }).command).toBe(
      `node '${temp.path}/my atm'\\''s/dist/cli/main.js'`,
    );
  });
});
