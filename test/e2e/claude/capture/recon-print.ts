import { spawn } from 'node:child_process';
import { createReconBase, type ReconBase, type ReconOptions } from './recon-session.js';
import { watchSessionsFile, type SessionsWatcher } from './sessions-watcher.js';

/**
 * `claude -p <prompt>` under the same capture hooks as the interactive scenarios. Runs to
 * completion (60 s cap), keeps stdout/stderr for the fixtures, and waits briefly for async
 * hooks that finish after the process exits.
 */
export interface PrintRecon extends ReconBase {
  readonly claudePid: number;
  readonly sessions: SessionsWatcher;
  readonly exitCode: number | null;
}

const PRINT_TIMEOUT_MS = 60_000;

export async function runPrintRecon(
  options: ReconOptions & { readonly prompt: string },
): Promise<PrintRecon & AsyncDisposable> {
  const base = await createReconBase(options);
  base.mark('claude started');
  const child = spawn(options.claudePath, ['-p', options.prompt], {
    cwd: base.env.projectDir,
    env: base.childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: PRINT_TIMEOUT_MS,
  });
  const sessions = watchSessionsFile(base.env.sessionsFilePath(child.pid ?? 0));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  base.mark(`claude exited (${String(exitCode)})`);
  await base.waitForCapture('SessionEnd', { afterMs: 0, timeoutMs: 5_000 }).catch(() => undefined);
  base.saved.set('print-stdout.txt', stdout);
  if (stderr !== '') base.saved.set('print-stderr.txt', stderr);
  return {
    ...base,
    claudePid: child.pid ?? 0,
    sessions,
    exitCode,
    async [Symbol.asyncDispose]() {
      await sessions.stop();
      await base[Symbol.asyncDispose]();
    },
  };
}
