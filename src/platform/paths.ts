import { join } from 'node:path';

/**
 * Where atm keeps things. Pure: the composition root passes in the environment, platform, uid
 * and home directory, so every rule here is a table-driven test.
 */
export interface AtmPaths {
  readonly socketPath: string;
  /** The directory holding the socket; atm keeps it 0700 when it creates it. */
  readonly socketDir: string;
  /** True when the socket path comes from $ATM_SOCKET or $XDG_RUNTIME_DIR rather than atm's fallback. */
  readonly socketFromEnv: boolean;
  /** Set when no runtime dir was found and the socket fell back to a private dir (say so once). */
  readonly socketWarning: string | null;
  readonly stateDir: string;
  readonly logDir: string;
  readonly configDir: string;
  /** Files atm installs for other programs (the hook shim): $XDG_DATA_HOME/atm, else ~/.local/share/atm (macOS too: no space in the path, which settings.json commands would need to quote). */
  readonly dataDir: string;
}

export interface PathInputs {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly home: string;
  readonly uid: number;
}

const nonEmpty = (value: string | undefined): string | null =>
  value !== undefined && value.length > 0 && value.startsWith('/') ? value : null;

export function resolvePaths({ env, platform, home, uid }: PathInputs): AtmPaths {
  const mac = platform === 'darwin';
  const appSupport = join(home, 'Library', 'Application Support', 'atm');
  const stateHome = nonEmpty(env.XDG_STATE_HOME) ?? (mac ? null : join(home, '.local', 'state'));
  const stateDir = stateHome === null ? appSupport : join(stateHome, 'atm');
  const configHome = nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config');
  const logDir =
    nonEmpty(env.XDG_STATE_HOME) === null && mac ? join(home, 'Library', 'Logs', 'atm') : join(stateDir, 'log');

  const explicit = nonEmpty(env.ATM_SOCKET);
  const runtime = nonEmpty(env.XDG_RUNTIME_DIR);
  let socketPath: string;
  let socketWarning: string | null = null;
  if (explicit !== null) socketPath = explicit;
  else if (runtime !== null) socketPath = join(runtime, 'atm.sock');
  else {
    const dir = mac ? appSupport : join(stateDir, `run-${uid}`);
    socketPath = join(dir, 'atm.sock');
    socketWarning = `XDG_RUNTIME_DIR is not set; using ${socketPath} (a private 0700 directory). Set XDG_RUNTIME_DIR or ATM_SOCKET to choose.`;
  }
  return {
    socketPath,
    socketDir: socketPath.slice(0, socketPath.lastIndexOf('/')) || '/',
    socketFromEnv: explicit !== null || runtime !== null,
    socketWarning,
    stateDir,
    logDir,
    configDir: join(configHome, 'atm'),
    dataDir: join(nonEmpty(env.XDG_DATA_HOME) ?? join(home, '.local', 'share'), 'atm'),
  };
}
