import { execFile } from 'node:child_process';

/**
 * What running one program came to. Adapters (ps, tmux) turn these into values or AtmErrors;
 * nothing here throws, so every caller handles every outcome (the switch is exhaustive).
 */
export type RunOutcome =
  | { readonly kind: 'exited'; readonly exitCode: number; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'timed-out'; readonly stderr: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'failed'; readonly error: Error };

export interface RunOptions {
  readonly timeoutMs: number;
  /** stdout and stderr are each cut off (and the run counted as failed) beyond this. */
  readonly maxOutputBytes?: number;
  readonly env?: NodeJS.ProcessEnv;
}

const DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/**
 * Runs `file` with `args` and no shell: arguments reach the program byte for byte, so data
 * (pane ids, names) can never be read as shell syntax. A timeout kills the child with SIGKILL,
 * because a hung tmux or ps must not hold up the daemon.
 */
export function runFile(file: string, args: readonly string[], options: RunOptions): Promise<RunOutcome> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        encoding: 'utf8',
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
        env: options.env ?? process.env,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ kind: 'exited', exitCode: 0, stdout, stderr });
        const code = (error as NodeJS.ErrnoException & { code?: unknown }).code;
        if (code === 'ENOENT') return resolve({ kind: 'not-found' });
        // A string code is a spawn or buffer failure (node kills the child on maxBuffer too).
        if (typeof code === 'string') return resolve({ kind: 'failed', error });
        if (error.killed === true && error.signal === 'SIGKILL') return resolve({ kind: 'timed-out', stderr });
        if (typeof code === 'number') return resolve({ kind: 'exited', exitCode: code, stdout, stderr });
        resolve({ kind: 'failed', error });
      },
    );
  });
}
