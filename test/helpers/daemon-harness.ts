import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ATMD_BIN } from './built.js';
import { pollUntil } from './poll.js';
import { makeTempDir, type TempDir } from './temp-dir.js';
import { answers } from '../../src/platform/socket-probe.js';

/** A real atmd process in its own XDG tree; `await using` stops it and removes the tree. */
export interface DaemonHarness extends AsyncDisposable {
  readonly dir: string;
  readonly socketPath: string;
  readonly stateDir: string;
  /** The environment a client of this daemon (atm, a hook) should run with. */
  readonly env: NodeJS.ProcessEnv;
  readonly process: ChildProcess;
  stderr(): string;
  /** SIGTERM, then wait for exit; resolves the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts a new daemon on the same directories (after stop). */
  restart(): Promise<void>;
}

export interface DaemonOptions {
  /** Written as $XDG_CONFIG_HOME/atm/config.json. */
  readonly config?: Record<string, unknown>;
  readonly env?: NodeJS.ProcessEnv;
  /** Reuse a directory tree (for restart tests); otherwise a fresh temp dir. */
  readonly dir?: TempDir;
}

export function daemonEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    XDG_RUNTIME_DIR: join(dir, 'run'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    ATM_LOG_LEVEL: 'debug',
    // A private tmux socket dir: a daemon started from a developer's tmux must not find their panes.
    TMUX_TMPDIR: join(dir, 'tmux'),
    ...extra,
  };
}

export async function startDaemon(options: DaemonOptions = {}): Promise<DaemonHarness> {
  const temp = options.dir ?? makeTempDir();
  const dir = temp.path;
  const env = daemonEnv(dir, options.env);
  for (const sub of ['home', 'run', 'state', 'config/atm']) mkdirSync(join(dir, sub), { recursive: true, mode: 0o700 });
  if (options.config !== undefined)
    writeFileSync(join(dir, 'config', 'atm', 'config.json'), JSON.stringify(options.config));
  const socketPath = join(dir, 'run', 'atm.sock');
  let child: ChildProcess;
  let stderr = '';

  const launch = async (): Promise<void> => {
    child = spawn(process.execPath, [ATMD_BIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    let exited = false;
    child.once('exit', () => (exited = true));
    await pollUntil(async () => exited || (await answers(socketPath, 200)), {
      what: `atmd to answer on ${socketPath}`,
    });
    if (exited) throw new Error(`atmd exited while starting: ${stderr}`);
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  };
  await launch();
  return {
    dir,
    socketPath,
    stateDir: join(dir, 'state', 'atm'),
    env,
    get process() {
      return child;
    },
    stderr: () => stderr,
    stop,
    restart: launch,
    [Symbol.asyncDispose]: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await stop();
        clearTimeout(timer);
      }
      if (options.dir === undefined) temp[Symbol.dispose]();
    },
  };
}
