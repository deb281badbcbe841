import { spawn, type ChildProcess } from 'node:child_process';
import { ATMD_BIN } from './built.js';

/**
 * A bare atmd child (or any command) for tests where the daemon is expected to refuse to start or
 * where the harness's fixed socket path does not fit. Disposal kills it if it still runs.
 */
export interface ChildRun extends AsyncDisposable {
  readonly process: ChildProcess;
  readonly pid: number;
  stderr(): string;
  /** Resolves when it exits: the exit code, or null and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnChild(command: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildRun {
  const child = spawn(command, [...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (child.pid === undefined) throw new Error(`cannot spawn ${command}`);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (running()) child.kill(signal);
    return exited;
  };
  return {
    process: child,
    pid: child.pid,
    stderr: () => stderr,
    exited,
    stop,
    [Symbol.asyncDispose]: async () => {
      if (!running()) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await stop();
      clearTimeout(timer);
    },
  };
}

/** `node dist/daemon/main.js` with exactly `env`. */
export function spawnAtmd(env: NodeJS.ProcessEnv): ChildRun {
  return spawnChild(process.execPath, [ATMD_BIN], env);
}
