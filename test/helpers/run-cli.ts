import { spawn } from 'node:child_process';
import { ATM_BIN } from './built.js';

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
}

/** Runs the built `atm` with arguments, environment and stdin, and collects what it printed. */
export function runCli(
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; stdin?: string | Buffer; timeoutMs?: number; cwd?: string; bin?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(options.bin ?? process.execPath, options.bin === undefined ? [ATM_BIN, ...args] : [...args], {
      env: options.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, elapsedMs: Date.now() - started });
    });
    child.stdin.on('error', () => undefined); // the CLI may exit before reading everything
    child.stdin.end(options.stdin ?? '');
  });
}
