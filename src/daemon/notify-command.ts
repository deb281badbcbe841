import type { Session } from '../domain/session.js';
import type { Logger } from '../platform/logger.js';
import { runFile } from '../platform/exec-file.js';

/**
 * `notifications.command`: the user's program, run with execFile (argv, never a shell) and a
 * timeout, told about the session through ATM_* variables. Its output is not read beyond a
 * small buffer; a failure is one log line. Nothing waits for it.
 */
export function toCommandEnv(session: Session, previous: Session | null): Record<string, string> {
  return {
    ATM_SESSION_ID: session.id,
    ATM_STATUS: session.status,
    ATM_WAITING_FOR: session.waitingFor ?? '',
    ATM_PROJECT: session.project,
    ATM_PANE: session.tmux?.pane ?? '',
    ATM_PREVIOUS_STATUS: previous?.status ?? '',
  };
}

export type CommandRunner = (session: Session, previous: Session | null) => Promise<void>;

export function createNotifyCommand(options: {
  readonly argv: readonly string[];
  readonly timeoutMs: number;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
}): CommandRunner {
  const [file, ...args] = options.argv;
  return async (session, previous) => {
    if (file === undefined) return;
    const env = { ...options.env, ...toCommandEnv(session, previous) };
    const outcome = await runFile(file, args, { timeoutMs: options.timeoutMs, env, maxOutputBytes: 64 * 1024 });
    const fields = { command: file, sessionId: session.id };
    if (outcome.kind === 'exited' && outcome.exitCode === 0) return;
    if (outcome.kind === 'exited')
      options.logger.warn('notifications.command failed', {
        ...fields,
        exitCode: outcome.exitCode,
        stderr: outcome.stderr.slice(0, 500),
      });
    else if (outcome.kind === 'timed-out')
      options.logger.warn('notifications.command timed out and was killed', {
        ...fields,
        timeoutMs: options.timeoutMs,
      });
    else if (outcome.kind === 'not-found') options.logger.warn('notifications.command not found', fields);
    else options.logger.warn('notifications.command could not run', { ...fields, error: outcome.error.message });
  };
}
