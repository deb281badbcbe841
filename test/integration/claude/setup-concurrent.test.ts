import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClaudeSetupContext } from '../../../src/cli/claude-setup-context.js';
import { runSetup } from '../../../src/cli/commands/setup.js';
import { runUninstall } from '../../../src/cli/commands/uninstall.js';
import { resolvePaths } from '../../../src/platform/paths.js';
import { AtmError } from '../../../src/shared/errors.js';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.js';

/**
 * A concurrent writer (Claude Code saving a permission or /model) strikes between atm reading
 * settings.json and replacing it. The writes are real file writes at that exact moment, through
 * the one seam the setup context offers (`beforeSettingsCheck`); a loop in another process could
 * not hit the window reliably. atm must notice, keep their change and add its own on top, or
 * refuse; never erase it.
 */
function makeContext(temp: TempDir, beforeSettingsCheck: () => Promise<void>): ClaudeSetupContext {
  const home = join(temp.path, 'home');
  mkdirSync(join(home, '.claude'), { recursive: true });
  const env = { XDG_STATE_HOME: join(temp.path, 'state'), XDG_RUNTIME_DIR: join(temp.path, 'run'), PATH: '' };
  return {
    paths: resolvePaths({ env, platform: 'linux', home, uid: 1000 }),
    env,
    cwd: temp.path,
    home,
    uid: 1000,
    platform: 'linux',
    nodePath: process.execPath,
    atmMain: '/nonexistent/atm/main.js',
    now: () => 0,
    beforeSettingsCheck,
  };
}

const OPTIONS = { scope: 'user', dryRun: false, check: false, force: false } as const;

describe('a concurrent writer during setup and uninstall', () => {
  afterEach(() => vi.restoreAllMocks());

  it('setup keeps the change written meanwhile and adds its own on top; uninstall too', async () => {
    using temp = makeTempDir('atm-race-');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const settings = join(temp.path, 'home', '.claude', 'settings.json');
    let strikes = 0;
    const ctx = makeContext(temp, () => {
      strikes += 1;
      if (strikes === 1)
        writeFileSync(settings, '{\n  "model": "haiku",\n  "permissions": { "allow": ["Bash(ls)"] }\n}\n');
      if (strikes === 3) writeFileSync(settings, readFileSync(settings, 'utf8').replace('"haiku"', '"opus"'));
      return Promise.resolve();
    });
    writeFileSync(settings, '{\n  "model": "sonnet"\n}\n');
    expect(await runSetup(ctx, OPTIONS)).toBe(0);
    const installed = JSON.parse(readFileSync(settings, 'utf8')) as Record<string, unknown>;
    expect(installed.model).toBe('haiku');
    expect(installed.permissions).toEqual({ allow: ['Bash(ls)'] });
    expect(installed).toHaveProperty('hooks.Stop');

    expect(await runUninstall(ctx, OPTIONS)).toBe(0);
    expect(readFileSync(settings, 'utf8')).toBe(
      '{\n  "model": "opus",\n  "permissions": { "allow": ["Bash(ls)"] }\n}\n',
    );
    expect(readdirSync(join(temp.path, 'home', '.claude')).sort()).toEqual([
      'settings.json',
      'settings.json.atm-backup',
    ]);
  });

  it('a file that keeps changing is refused, and the last change stays', async () => {
    using temp = makeTempDir('atm-race-');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const settings = join(temp.path, 'home', '.claude', 'settings.json');
    let strikes = 0;
    const ctx = makeContext(temp, () => {
      strikes += 1;
      writeFileSync(settings, `{"model": "m${strikes}"}\n`);
      return Promise.resolve();
    });
    writeFileSync(settings, '{"model": "m0"}\n');
    const refusal = await runSetup(ctx, OPTIONS).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AtmError);
    expect((refusal as AtmError).message).toBe(
      `${settings} kept changing while atm was writing it; atm changed nothing`,
    );
    expect(readFileSync(settings, 'utf8')).toBe(`{"model": "m${strikes}"}\n`);
    expect(readdirSync(join(temp.path, 'home', '.claude')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
