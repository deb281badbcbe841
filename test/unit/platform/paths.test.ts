import { describe, expect, it } from 'vitest';
import { resolvePaths, type AtmPaths, type PathInputs } from '../../../src/platform/paths.js';

const HOME = '/home/ada';
const MAC_HOME = '/Users/ada';
const input = (platform: string, env: PathInputs['env']): PathInputs => ({
  env,
  platform,
  home: platform === 'darwin' ? MAC_HOME : HOME,
  uid: 1000,
});

type Expected = Partial<AtmPaths>;
const cases: [string, PathInputs, Expected][] = [
  [
    'linux, nothing set: XDG defaults, socket in a private run dir with a warning',
    input('linux', {}),
    {
      socketPath: `${HOME}/.local/state/atm/run-1000/atm.sock`,
      socketDir: `${HOME}/.local/state/atm/run-1000`,
      socketFromEnv: false,
      stateDir: `${HOME}/.local/state/atm`,
      logDir: `${HOME}/.local/state/atm/log`,
      configDir: `${HOME}/.config/atm`,
    },
  ],
  [
    'linux, XDG_RUNTIME_DIR: socket there, no warning',
    input('linux', { XDG_RUNTIME_DIR: '/run/user/1000' }),
    { socketPath: '/run/user/1000/atm.sock', socketDir: '/run/user/1000', socketFromEnv: true, socketWarning: null },
  ],
  [
    'ATM_SOCKET wins over XDG_RUNTIME_DIR',
    input('linux', { ATM_SOCKET: '/tmp/t/a.sock', XDG_RUNTIME_DIR: '/run/user/1000' }),
    { socketPath: '/tmp/t/a.sock', socketDir: '/tmp/t', socketFromEnv: true, socketWarning: null },
  ],
  ['a socket at the root keeps "/" as its dir', input('linux', { ATM_SOCKET: '/atm.sock' }), { socketDir: '/' }],
  [
    'XDG_STATE_HOME and XDG_CONFIG_HOME move state, logs and config',
    input('linux', { XDG_STATE_HOME: '/s', XDG_CONFIG_HOME: '/c', XDG_RUNTIME_DIR: '/r' }),
    { stateDir: '/s/atm', logDir: '/s/atm/log', configDir: '/c/atm' },
  ],
  [
    'relative and empty XDG values are ignored (the XDG spec says so)',
    input('linux', { XDG_STATE_HOME: 'state', XDG_CONFIG_HOME: '', XDG_RUNTIME_DIR: 'run', ATM_SOCKET: '' }),
    {
      stateDir: `${HOME}/.local/state/atm`,
      configDir: `${HOME}/.config/atm`,
      socketPath: `${HOME}/.local/state/atm/run-1000/atm.sock`,
      socketFromEnv: false,
    },
  ],
  [
    'macOS, nothing set: Application Support, Library/Logs, ~/.config',
    input('darwin', {}),
    {
      socketPath: `${MAC_HOME}/Library/Application Support/atm/atm.sock`,
      socketFromEnv: false,
      stateDir: `${MAC_HOME}/Library/Application Support/atm`,
      logDir: `${MAC_HOME}/Library/Logs/atm`,
      configDir: `${MAC_HOME}/.config/atm`,
    },
  ],
  [
    'macOS with XDG_STATE_HOME: logs follow the state dir',
    input('darwin', { XDG_STATE_HOME: '/x/state' }),
    { stateDir: '/x/state/atm', logDir: '/x/state/atm/log' },
  ],
  [
    'macOS with XDG_RUNTIME_DIR: the socket goes there',
    input('darwin', { XDG_RUNTIME_DIR: '/tmp/rt' }),
    { socketPath: '/tmp/rt/atm.sock', socketWarning: null },
  ],
];

describe('resolvePaths', () => {
  it.each(cases)('%s', (_name, inputs, expected) => {
    expect(resolvePaths(inputs)).toMatchObject(expected);
  });

  it('warns, naming the fallback socket and how to choose, only when it falls back', () => {
    const fallback = resolvePaths(input('linux', {}));
    expect(fallback.socketWarning).toContain(fallback.socketPath);
    expect(fallback.socketWarning).toMatch(/XDG_RUNTIME_DIR|ATM_SOCKET/);
    expect(resolvePaths(input('linux', { XDG_RUNTIME_DIR: '/r' })).socketWarning).toBeNull();
  });

  it('gives a distinct fallback socket per uid (a shared home on NFS)', () => {
    const a = resolvePaths({ ...input('linux', {}), uid: 1000 });
    const b = resolvePaths({ ...input('linux', {}), uid: 1001 });
    expect(a.socketPath).not.toBe(b.socketPath);
  });

  it('keeps the default socket path short enough for a Unix socket (< 100 bytes)', () => {
    for (const platform of ['linux', 'darwin']) {
      expect(Buffer.byteLength(resolvePaths(input(platform, {})).socketPath)).toBeLessThan(100);
    }
  });
});
