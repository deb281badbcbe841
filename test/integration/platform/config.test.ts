import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/platform/config.js';
import { DEFAULT_CONFIG } from '../../../src/platform/config-schema.js';
import { AtmError } from '../../../src/shared/errors.js';

let home: string;
let configDir: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'atm-cfg-'));
  configDir = join(home, '.config', 'atm');
  await mkdir(configDir, { recursive: true });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const put = async (name: string, text: string): Promise<string> => {
  const file = join(configDir, name);
  await writeFile(file, text);
  return file;
};
const load = (env: Record<string, string> = {}) => loadConfig({ configDir, env: { HOME: home, ...env } });
/** The AtmError a load throws; fails the test when it resolves instead. */
const failure = async (env: Record<string, string> = {}): Promise<AtmError> => {
  const error: unknown = await load(env).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AtmError);
  const atm = error as AtmError;
  expect(atm.code).toBe('config-invalid');
  expect(atm.message).not.toContain('\n');
  expect(atm.hint).toBeTruthy();
  return atm;
};

describe('loadConfig: finding the file', () => {
  it('runs on the defaults when there is no file', async () => {
    expect(await load()).toEqual({ config: DEFAULT_CONFIG, file: null });
  });

  it.each(['config.yaml', 'config.yml'])('reads %s', async (name) => {
    const file = await put(name, 'logLevel: debug\ndaemon:\n  maxSessions: 7 # a comment\n');
    const { config, file: found } = await load();
    expect(found).toBe(file);
    expect(config.logLevel).toBe('debug');
    expect(config.daemon.maxSessions).toBe(7);
    expect(config.daemon.maxSubscribers).toBe(DEFAULT_CONFIG.daemon.maxSubscribers);
  });

  it('reads config.json', async () => {
    await put('config.json', '{ "daemon": { "maxSubscribers": 3 } }');
    expect((await load()).config.daemon.maxSubscribers).toBe(3);
  });

  it('prefers config.yaml over config.yml over config.json', async () => {
    await put('config.json', '{ "daemon": { "maxSessions": 3 } }');
    await put('config.yml', 'daemon: { maxSessions: 2 }');
    expect((await load()).config.daemon.maxSessions).toBe(2);
    await put('config.yaml', 'daemon: { maxSessions: 1 }');
    expect((await load()).config.daemon.maxSessions).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['comments only', '# nothing here yet\n'],
  ])('treats an %s file as the defaults', async (_name, text) => {
    const file = await put('config.yaml', text);
    expect(await load()).toEqual({ config: DEFAULT_CONFIG, file });
  });

  it('reads the file ATM_CONFIG names instead of the config dir', async () => {
    await put('config.yaml', 'daemon: { maxSessions: 1 }');
    const other = join(home, 'elsewhere.json');
    await writeFile(other, '{ "daemon": { "maxSessions": 9 } }');
    expect(await load({ ATM_CONFIG: other })).toMatchObject({ file: other, config: { daemon: { maxSessions: 9 } } });
  });

  it('refuses a missing ATM_CONFIG file rather than running on the defaults', async () => {
    const error = await failure({ ATM_CONFIG: join(home, 'nope.yaml') });
    expect(error.message).toBe('~/nope.yaml (named by ATM_CONFIG): no such file');
  });

  it('refuses a JavaScript config and never runs it', async () => {
    const script = join(home, 'atm.config.js');
    const marker = join(home, 'ran');
    await writeFile(script, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = {};`);
    const error = await failure({ ATM_CONFIG: script });
    expect(error.message).toMatch(/YAML .* or JSON .* only/);
    expect(existsSync(marker)).toBe(false);
  });

  it("ignores cosmiconfig's meta config in the current directory", async () => {
    // cosmiconfig() reads `.config/config.{json,yaml,js,…}` in the cwd for its own options, and
    // would import a `.config/config.js` it finds there. atm runs in whatever directory the user
    // is in, so it must not: a broken meta file that would make cosmiconfig() throw is ignored.
    const cwd = join(home, 'project');
    await mkdir(join(cwd, '.config'), { recursive: true });
    await writeFile(join(cwd, '.config', 'config.json'), '{ "cosmiconfig": ');
    await put('config.yaml', 'logLevel: warn');
    const before = process.cwd();
    process.chdir(cwd);
    try {
      expect((await load()).config.logLevel).toBe('warn');
    } finally {
      process.chdir(before);
    }
  });
});

describe('loadConfig: clear one-line errors', () => {
  it('names the file, the key, what was expected and what it got', async () => {
    await put('config.yaml', 'daemon:\n  maxSessions: lots\n');
    const error = await failure();
    expect(error.message).toBe(
      '~/.config/atm/config.yaml: daemon.maxSessions: expected an integer from 1 to 100000, got "lots"',
    );
    expect(error.hint).toContain('docs/CONFIG.md');
  });

  it('points at a typo in a key', async () => {
    await put('config.json', '{ "daemon": { "maxSesions": 3 } }');
    expect((await failure()).message).toBe(
      '~/.config/atm/config.json: daemon.maxSesions: unknown key (did you mean "maxSessions"?)',
    );
  });

  it('gives the line and column of bad YAML', async () => {
    await put('config.yaml', 'daemon:\n  maxSessions: 3\n    maxSubscribers: 2\n');
    expect((await failure()).message).toMatch(
      /^~\/\.config\/atm\/config\.yaml: not valid YAML: .+ \(line 3, column \d+\)$/,
    );
  });

  it('refuses duplicate YAML keys', async () => {
    await put('config.yaml', 'logLevel: info\nlogLevel: debug\n');
    expect((await failure()).message).toMatch(/not valid YAML: duplicated mapping key \(line 2/);
  });

  it('gives the line of bad JSON', async () => {
    await put('config.json', '{\n  "logLevel": "info",\n}\n');
    expect((await failure()).message).toMatch(/^~\/\.config\/atm\/config\.json: not valid JSON: .+ \(line 3\)$/);
  });

  it('prints paths outside HOME as they are', async () => {
    await put('config.yaml', 'logLevel: loud');
    const error: unknown = await loadConfig({ configDir, env: {} }).catch((thrown: unknown) => thrown);
    expect((error as AtmError).message).toBe(
      `${configDir}/config.yaml: logLevel: expected one of "error", "warn", "info", "debug", got "loud"`,
    );
  });
});

describe('loadConfig: ATM_LOG_LEVEL', () => {
  it('overrides the file', async () => {
    await put('config.yaml', 'logLevel: error');
    expect((await load({ ATM_LOG_LEVEL: 'debug' })).config.logLevel).toBe('debug');
  });

  it('ignores case, spaces and an empty value', async () => {
    expect((await load({ ATM_LOG_LEVEL: ' WARN ' })).config.logLevel).toBe('warn');
    expect((await load({ ATM_LOG_LEVEL: '' })).config.logLevel).toBe(DEFAULT_CONFIG.logLevel);
  });

  it('refuses an unknown level with the same kind of error', async () => {
    const error = await failure({ ATM_LOG_LEVEL: 'verbose' });
    expect(error.message).toBe('ATM_LOG_LEVEL: expected one of "error", "warn", "info", "debug", got "verbose"');
  });
});
