import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE_HOOK_EVENTS } from '../../../src/integrations/claude/hook-mapping.js';
import { PORTABLE_HOOK_COMMAND } from '../../../src/integrations/claude/settings-atm-entries.js';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.js';
import { atmHandler, statusLineCommand } from './run-as-claude.js';
import { FANCY_STATUS_LINE, SETTINGS_SAMPLES } from './settings-samples.js';

/** A home of its own per test: HOME, XDG dirs; no daemon (setup works without one). */
function makeHome(): TempDir & { env: NodeJS.ProcessEnv; settingsPath: string; shimPath: string; recordPath: string } {
  const temp = makeTempDir('atm-setup-');
  const env = daemonEnv(temp.path);
  for (const sub of ['home/.claude', 'run', 'state', 'config'])
    mkdirSync(join(temp.path, sub), { recursive: true, mode: 0o700 });
  return Object.assign(temp, {
    env,
    settingsPath: join(temp.path, 'home', '.claude', 'settings.json'),
    shimPath: join(temp.path, 'home', '.local', 'share', 'atm', 'atm-report.sh'),
    recordPath: join(temp.path, 'state', 'atm', 'claude-setup.json'),
  });
}

const backupsOf = (settingsPath: string): string[] =>
  readdirSync(join(settingsPath, '..')).filter((name) => name.startsWith('settings.json.atm-backup'));

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('atm setup and atm uninstall on real settings files', () => {
  it.each(SETTINGS_SAMPLES)(
    'set up, set up again (no change), uninstall (the original back): $name',
    async ({ text, canonical }) => {
      using home = makeHome();
      writeFileSync(home.settingsPath, text);
      const original = JSON.parse(text) as unknown;

      const first = await runCli(['setup'], { env: home.env });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`atm setup: ${home.settingsPath} (Claude Code user settings)`);
      expect(first.stdout).toContain(`added for 13 of 13 events`);
      expect(first.stdout).toMatch(/^ {2}transport {4}(nc|socat|node) /m);
      // `atm`, or the command that runs this atm when it is not on PATH (atm-invocation.test.ts).
      expect(first.stdout).toMatch(/^ {2}(atm|node \S+) daemon start {3}start atmd/m);
      const installed = readFileSync(home.settingsPath);
      for (const event of CLAUDE_HOOK_EVENTS)
        expect(atmHandler(home.settingsPath, event)).toEqual({
          type: 'command',
          command: home.shimPath,
          args: ['hook'],
          async: true,
        });
      expect(statSync(home.shimPath).mode & 0o777).toBe(0o700);
      const [backup, ...moreBackups] = backupsOf(home.settingsPath);
      expect(moreBackups).toEqual([]);
      expect(readFileSync(join(home.path, 'home', '.claude', backup!), 'utf8')).toBe(text);

      const second = await runCli(['setup'], { env: home.env });
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('Nothing changed: atm was already set up here.');
      expect(readFileSync(home.settingsPath).equals(installed)).toBe(true);
      expect(backupsOf(home.settingsPath)).toHaveLength(1);

      const removed = await runCli(['uninstall'], { env: home.env });
      expect(removed.stderr).toBe('');
      expect(removed.code).toBe(0);
      expect(removed.stdout).toContain('removed from 13 events');
      expect(removed.stdout).toContain(`shim         removed ${home.shimPath}`);
      expect(readJson(home.settingsPath)).toEqual(original);
      if (canonical) expect(readFileSync(home.settingsPath, 'utf8')).toBe(text);
      expect(existsSync(home.shimPath)).toBe(false);
      expect(existsSync(home.recordPath)).toBe(false);
    },
  );

  it('creates a missing settings file (and its directory), with no backup', async () => {
    using home = makeHome();
    const configDir = join(home.path, 'claude-config');
    const env = { ...home.env, CLAUDE_CONFIG_DIR: configDir };
    const result = await runCli(['setup'], { env });
    expect(result.code).toBe(0);
    const settingsPath = join(configDir, 'settings.json');
    expect(result.stdout).toContain(`atm setup: ${settingsPath}`);
    expect(statusLineCommand(settingsPath)).toBe(`'${home.shimPath}' status`);
    expect(statSync(configDir).mode & 0o777).toBe(0o700);
    expect(backupsOf(settingsPath)).toEqual([]);
    expect(existsSync(home.settingsPath)).toBe(false); // $CLAUDE_CONFIG_DIR wins over ~/.claude
  });

  it('uninstall without a settings file creates none', async () => {
    using home = makeHome();
    const result = await runCli(['uninstall'], { env: home.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('atm was not set up in this file; nothing changed there.');
    expect(existsSync(home.settingsPath)).toBe(false);
  });

  it('reports what it removed and restores the status line it wrapped', async () => {
    using home = makeHome();
    writeFileSync(
      home.settingsPath,
      JSON.stringify({ statusLine: { type: 'command', command: FANCY_STATUS_LINE } }, null, 2),
    );
    const setup = await runCli(['setup'], { env: home.env });
    expect(setup.stdout).toContain(
      'status line  yours is kept: atm runs `input=$(cat)…` and shows its output unchanged',
    );
    const removed = await runCli(['uninstall'], { env: home.env });
    expect(removed.stdout).toContain('status line  restored yours: `input=$(cat)…`');
    expect(statusLineCommand(home.settingsPath)).toBe(FANCY_STATUS_LINE);
  });

  it.each<[name: string, text: string, message: RegExp]>([
    [
      'a trailing comma',
      '{\n  "model": "opus",\n  "hooks": {},\n}\n',
      /settings\.json:4:1: not valid JSON .*; atm changed nothing\n {2}hint: fix the JSON at line 4, column 1/,
    ],
    ['a comment', '{\n  // mine\n  "model": "opus"\n}\n', /settings\.json:2:3: not valid JSON/],
    ['an array', '[1, 2]\n', /settings\.json: the top level is an array, not an object; atm changed nothing/],
    ['hooks of the wrong shape', '{"hooks": [{"matcher": "*"}]}', /settings\.json: hooks has the wrong shape/],
    [
      'a group of the wrong shape',
      '{"hooks": {"Stop": [{"hooks": {"type": "command"}}]}}',
      /settings\.json: hooks\.Stop\[0\]\.hooks has the wrong shape/,
    ],
  ])('refuses a file with %s, leaves it untouched and says how to fix it', async (_name, text, message) => {
    using home = makeHome();
    writeFileSync(home.settingsPath, text);
    const before = statSync(home.settingsPath);
    for (const command of [['setup'], ['setup', '--dry-run'], ['uninstall']]) {
      const result = await runCli(command, { env: home.env });
      expect(result.code, command.join(' ')).toBe(4);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.startsWith(`atm: ${home.settingsPath}`)).toBe(true);
    }
    expect(readFileSync(home.settingsPath, 'utf8')).toBe(text);
    expect(statSync(home.settingsPath).mtimeMs).toBe(before.mtimeMs);
    expect(backupsOf(home.settingsPath)).toEqual([]);
    expect(existsSync(home.shimPath)).toBe(false);
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    using home = makeHome();
    const text = `${JSON.stringify({ model: 'opus', statusLine: { type: 'command', command: 'echo mine' } }, null, 2)}\n`;
    writeFileSync(home.settingsPath, text);
    const dry = await runCli(['setup', '--dry-run'], { env: home.env });
    expect(dry.code).toBe(0);
    expect(dry.stdout.startsWith(`--- ${home.settingsPath}\n+++ ${home.settingsPath}\n@@ `)).toBe(true);
    expect(dry.stdout).toContain('-    "command": "echo mine"');
    expect(dry.stdout).toContain(`+            "command": "${home.shimPath}",`);
    expect(dry.stdout).toContain(`${home.shimPath}: would be written (transport `);
    expect(readFileSync(home.settingsPath, 'utf8')).toBe(text);
    expect(existsSync(home.shimPath)).toBe(false);
    expect(existsSync(home.recordPath)).toBe(false);
    expect(backupsOf(home.settingsPath)).toEqual([]);

    await runCli(['setup'], { env: home.env });
    const installed = readFileSync(home.settingsPath, 'utf8');
    const dryUninstall = await runCli(['uninstall', '--dry-run'], { env: home.env });
    expect(dryUninstall.stdout).toContain('+    "command": "echo mine"');
    expect(readFileSync(home.settingsPath, 'utf8')).toBe(installed);
    expect(existsSync(home.shimPath)).toBe(true);
    const transport = /\(transport (.*)\)$/m.exec(dry.stdout)?.[1];
    expect((await runCli(['setup', '--dry-run'], { env: home.env })).stdout).toBe(
      `${home.settingsPath}: no change\n${home.shimPath}: no change (transport ${transport})\n`,
    );
  });

  it("--project writes ./.claude/settings.json and leaves the user's settings alone", async () => {
    using home = makeHome();
    const project = join(home.path, 'proj');
    mkdirSync(project);
    writeFileSync(home.settingsPath, '{"model": "opus"}\n');
    const result = await runCli(['setup', '--project'], { env: home.env, cwd: project });
    expect(result.code).toBe(0);
    const projectSettings = join(project, '.claude', 'settings.json');
    expect(result.stdout).toContain(`atm setup: ${projectSettings} (Claude Code project settings)`);
    expect(result.stdout).toContain('this file may be shared');
    // Nothing machine-specific in a file that is usually committed: not the home path, not the user.
    expect(readFileSync(projectSettings, 'utf8')).not.toContain(home.path);
    expect(atmHandler(projectSettings, 'Stop')).toEqual({
      type: 'command',
      command: PORTABLE_HOOK_COMMAND,
      async: true,
    });
    expect(readFileSync(home.settingsPath, 'utf8')).toBe('{"model": "opus"}\n');
    const check = await runCli(['setup', '--check', '--project'], { env: home.env, cwd: project });
    expect(check.code).toBe(0);
    const removed = await runCli(['uninstall', '--project'], { env: home.env, cwd: project });
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`settings     removed ${projectSettings} (atm setup had created it)`);
    expect(existsSync(projectSettings)).toBe(false);
  });

  it('writes through a symlinked settings.json (dotfiles) instead of replacing the link', async () => {
    using home = makeHome();
    const dotfiles = join(home.path, 'dotfiles');
    mkdirSync(dotfiles);
    writeFileSync(join(dotfiles, 'claude-settings.json'), '{\n  "model": "opus"\n}\n');
    symlinkSync(join(dotfiles, 'claude-settings.json'), home.settingsPath);
    expect((await runCli(['setup'], { env: home.env })).code).toBe(0);
    expect(lstatSync(home.settingsPath).isSymbolicLink()).toBe(true);
    expect(atmHandler(join(dotfiles, 'claude-settings.json'), 'PreToolUse').command).toBe(home.shimPath);
    expect((await runCli(['uninstall'], { env: home.env })).code).toBe(0);
    expect(readFileSync(join(dotfiles, 'claude-settings.json'), 'utf8')).toBe('{\n  "model": "opus"\n}\n');
  });

  it('--check says what is missing (exit 1) and what is installed (exit 0)', async () => {
    using home = makeHome();
    writeFileSync(home.settingsPath, '{}\n');
    const before = await runCli(['setup', '--check'], { env: home.env });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('  hooks        0 of 13 events');
    expect(before.stdout).toContain(`Problem: the shim ${home.shimPath} is missing`);
    expect(before.stdout).toContain('Fix: run `atm setup`');
    await runCli(['setup'], { env: home.env });
    const after = await runCli(['setup', '--check'], { env: home.env });
    expect(after.stdout).toContain('  hooks        13 of 13 events');
    expect(after.stdout).toContain("  status line  atm's own line");
    expect(after.stdout).toMatch(/^ {2}transport {4}(nc|socat|node)\b.*; best here now: (nc|socat|node)\b/m);
    expect(after.stdout).toContain('  daemon       not running (start it: atm daemon start)');
    expect(after.stdout).toContain('OK: atm is set up here.');
    expect(after.code).toBe(0);
  });

  it('refuses an unknown option', async () => {
    using home = makeHome();
    const result = await runCli(['setup', '--frobnicate'], { env: home.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('atm setup: unknown option --frobnicate');
    expect(existsSync(home.settingsPath)).toBe(false);
  });
});
