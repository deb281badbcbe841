import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.js';

/**
 * A held-out set of real-world settings files (test/fixtures/settings-held-out, bytes as found:
 * compact, pretty with one-line arrays, CRLF, BOM, big and odd numbers, tabs without a final
 * newline) and the awkward places they live (symlinked, dangling, read-only, FIFO, device):
 * setup then uninstall gives back the same bytes, or atm refuses and leaves the file untouched.
 */
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'settings-held-out');
const ROUND_TRIP = [
  'compact.json',
  'pretty-compact-arrays.json',
  'crlf.json',
  'bom.json',
  'big-numbers.json',
  'tabs-no-final-newline.json',
  'dotfiles-settings.json',
];

function makeHome(): TempDir & { env: NodeJS.ProcessEnv; claudeDir: string; settingsPath: string; shimPath: string } {
  const temp = makeTempDir('atm-held-');
  for (const sub of ['home/.claude', 'run', 'state', 'config'])
    mkdirSync(join(temp.path, sub), { recursive: true, mode: 0o700 });
  const claudeDir = join(temp.path, 'home', '.claude');
  return Object.assign(temp, {
    env: daemonEnv(temp.path),
    claudeDir,
    settingsPath: join(claudeDir, 'settings.json'),
    shimPath: join(temp.path, 'home', '.local', 'share', 'atm', 'atm-report.sh'),
  });
}

const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const leftovers = (dir: string): string[] => readdirSync(dir).filter((name) => name !== 'settings.json');

/** How many lines of `before` are not in `after` (by a longest common subsequence of lines). */
function changedLines(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  return a.length - lcs[0]![0]!;
}

describe('setup and uninstall on held-out real-world settings files', () => {
  it.each(ROUND_TRIP)('%s: only added lines change, and uninstall gives back the same bytes', async (name) => {
    using home = makeHome();
    const original = fixture(name);
    writeFileSync(home.settingsPath, original);

    const setup = await runCli(['setup'], { env: home.env });
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    expect(setup.stdout).toContain(`backup       ${home.settingsPath}.atm-backup (the file as it was)`);
    const installed = readFileSync(home.settingsPath);
    expect(installed.includes(Buffer.from(home.shimPath))).toBe(true);
    // At most: the last member gains a comma, a one-line list or {} gains atm's item, the status line is wrapped.
    expect(changedLines(original.toString(), installed.toString())).toBeLessThanOrEqual(2);
    if (name === 'crlf.json') expect(installed.toString().replaceAll('\r\n', '')).not.toContain('\n');
    if (name === 'bom.json') expect(installed.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    if (name === 'big-numbers.json') expect(installed.toString()).toContain('12345678901234567890');

    const again = await runCli(['setup'], { env: home.env });
    expect(again.stdout).toContain('Nothing changed');
    expect(readFileSync(home.settingsPath).equals(installed)).toBe(true);

    const removed = await runCli(['uninstall'], { env: home.env });
    expect(removed.code).toBe(0);
    expect(readFileSync(home.settingsPath).equals(original)).toBe(true);
    // The one backup stays (the user's undo) and the summary says where; atm's own directories,
    // empty now, go.
    expect(removed.stdout).toContain(`backup       kept: ${home.settingsPath}.atm-backup (the file as it was before`);
    expect(leftovers(home.claudeDir)).toEqual(['settings.json.atm-backup']);
    for (const dir of [dirname(home.shimPath), join(home.path, 'state', 'atm')]) {
      expect(removed.stdout).toContain(`directory    removed ${dir} (empty)`);
      expect(existsSync(dir)).toBe(false);
    }
  });

  it.each([
    ['0 bytes', ''],
    ['only a newline', '\n'],
    ['white space and CRLF', '  \r\n\t\r\n'],
  ])('a blank settings.json (%s) comes back blank, byte for byte, not as {}', async (_name, text) => {
    using home = makeHome();
    writeFileSync(home.settingsPath, text);
    expect((await runCli(['setup'], { env: home.env })).code).toBe(0);
    expect(readFileSync(home.settingsPath, 'utf8')).toContain(home.shimPath);
    const dry = await runCli(['uninstall', '--dry-run'], { env: home.env });
    expect(dry.stdout).not.toMatch(/^\+\{\}/m);
    const removed = await runCli(['uninstall'], { env: home.env });
    expect(removed.code).toBe(0);
    expect(readFileSync(home.settingsPath, 'utf8')).toBe(text);
    expect(leftovers(home.claudeDir)).toEqual(['settings.json.atm-backup']);
  });

  it('a file the user changed after setup: uninstall keeps one backup and says where', async () => {
    using home = makeHome();
    writeFileSync(home.settingsPath, '{\n  "model": "opus"\n}\n');
    expect((await runCli(['setup'], { env: home.env })).code).toBe(0);
    const installed = readFileSync(home.settingsPath, 'utf8');
    writeFileSync(home.settingsPath, installed.replace('"opus"', '"sonnet"')); // /model, say
    const removed = await runCli(['uninstall'], { env: home.env });
    expect(removed.code).toBe(0);
    expect(readFileSync(home.settingsPath, 'utf8')).toBe('{\n  "model": "sonnet"\n}\n');
    expect(removed.stdout).toContain(
      `backup       kept: ${home.settingsPath}.atm-backup (the file as it was before this uninstall; delete it when done)`,
    );
    expect(leftovers(home.claudeDir)).toEqual(['settings.json.atm-backup']); // one backup, never a pile
  });

  it('a settings.json symlinked into dotfiles: written through, the link stays, the bytes come back', async () => {
    using home = makeHome();
    const dotfiles = join(home.path, 'dotfiles');
    mkdirSync(dotfiles);
    const target = join(dotfiles, 'claude.json');
    writeFileSync(target, fixture('pretty-compact-arrays.json'));
    symlinkSync('../../dotfiles/claude.json', home.settingsPath);
    expect((await runCli(['setup'], { env: home.env })).code).toBe(0);
    expect(readlinkSync(home.settingsPath)).toBe('../../dotfiles/claude.json');
    expect(readFileSync(target, 'utf8')).toContain(home.shimPath);
    expect((await runCli(['uninstall'], { env: home.env })).code).toBe(0);
    expect(readFileSync(target).equals(fixture('pretty-compact-arrays.json'))).toBe(true);
    expect(lstatSync(home.settingsPath).isSymbolicLink()).toBe(true);
  });

  it('a dangling symlink: setup creates its target through the link, uninstall removes what it created', async () => {
    using home = makeHome();
    const dotfiles = join(home.path, 'dotfiles');
    mkdirSync(dotfiles);
    symlinkSync(join(dotfiles, 'claude.json'), home.settingsPath);
    const setup = await runCli(['setup'], { env: home.env });
    expect(setup.code).toBe(0);
    expect(readlinkSync(home.settingsPath)).toBe(join(dotfiles, 'claude.json'));
    expect(JSON.parse(readFileSync(join(dotfiles, 'claude.json'), 'utf8'))).toHaveProperty('hooks');
    const removed = await runCli(['uninstall'], { env: home.env });
    expect(removed.stdout).toContain('atm setup had created it');
    expect(existsSync(join(dotfiles, 'claude.json'))).toBe(false);
    expect(readlinkSync(home.settingsPath)).toBe(join(dotfiles, 'claude.json'));
    expect(readdirSync(dotfiles)).toEqual([]);
  });

  it('a dangling symlink into a missing directory is refused, and nothing is created', async () => {
    using home = makeHome();
    symlinkSync(join(home.path, 'nowhere', 'claude.json'), home.settingsPath);
    const setup = await runCli(['setup'], { env: home.env });
    expect(setup.code).toBe(4);
    expect(setup.stderr).toContain(
      `is a symlink to ${join(home.path, 'nowhere', 'claude.json')}, whose directory does not exist`,
    );
    expect(existsSync(join(home.path, 'nowhere'))).toBe(false);
    expect(existsSync(home.shimPath)).toBe(false);
  });

  it('a read-only file is refused with the exact change to make by hand; --force writes it, keeping 0444', async () => {
    using home = makeHome();
    const original = fixture('crlf.json');
    writeFileSync(home.settingsPath, original);
    chmodSync(home.settingsPath, 0o444);
    const before = statSync(home.settingsPath).mtimeMs;
    const setup = await runCli(['setup'], { env: home.env });
    expect(setup.code).toBe(1);
    expect(setup.stdout).toContain(`atm changed nothing: ${home.settingsPath} is read-only (mode 0444).`);
    expect(setup.stdout).toMatch(new RegExp(`^\\+ +"command": "${home.shimPath}",`, 'm'));
    expect(setup.stdout).toContain('--force');
    expect(readFileSync(home.settingsPath).equals(original)).toBe(true);
    expect(statSync(home.settingsPath).mtimeMs).toBe(before);

    expect((await runCli(['setup', '--force'], { env: home.env })).code).toBe(0);
    expect(statSync(home.settingsPath).mode & 0o777).toBe(0o444);
    expect(readFileSync(home.settingsPath, 'utf8')).toContain(home.shimPath);
    expect((await runCli(['uninstall'], { env: home.env })).code).toBe(1);
    expect((await runCli(['uninstall', '--force'], { env: home.env })).code).toBe(0);
    expect(readFileSync(home.settingsPath).equals(original)).toBe(true);
  });

  it('a FIFO is refused at once, never read (setup would hang on it)', async () => {
    using home = makeHome();
    execFileSync('mkfifo', [home.settingsPath]);
    for (const command of [['setup'], ['uninstall'], ['setup', '--dry-run']]) {
      const result = await runCli(command, { env: home.env, timeoutMs: 60_000 });
      expect(result.signal).toBeNull();
      expect(result.code).toBe(4);
      expect(result.stderr).toContain(`${home.settingsPath} is a FIFO, not a regular file; atm changed nothing`);
    }
    expect(lstatSync(home.settingsPath).isFIFO()).toBe(true);
    const check = await runCli(['setup', '--check'], { env: home.env, timeoutMs: 60_000 });
    expect(check.stdout).toContain('Fix: Claude Code reads settings from a regular JSON file');
  });

  it('a link to a device node is refused, and the node is left alone', async () => {
    using home = makeHome();
    symlinkSync('/dev/null', home.settingsPath);
    const result = await runCli(['setup'], { env: home.env });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`${home.settingsPath} (-> /dev/null) is a device, not a regular file`);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readlinkSync(home.settingsPath)).toBe('/dev/null');
  });

  it('bytes that are not UTF-8 are refused untouched, saying where', async () => {
    using home = makeHome();
    writeFileSync(home.settingsPath, fixture('invalid-utf8.json'));
    const result = await runCli(['setup'], { env: home.env });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`${home.settingsPath}: byte 17 is not valid UTF-8; atm changed nothing`);
    expect(readFileSync(home.settingsPath).equals(fixture('invalid-utf8.json'))).toBe(true);
    expect(leftovers(home.claudeDir)).toEqual([]);
  });

  it("--check's advice for a broken file is the fix for that file, not a setup that fails the same way", async () => {
    using home = makeHome();
    writeFileSync(home.settingsPath, '{\n  "model": "opus",\n}\n');
    const check = await runCli(['setup', '--check'], { env: home.env });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Fix: fix the JSON at line 3, column 1');
    expect(check.stdout).toContain('Then: run `atm setup`');
  });
});
