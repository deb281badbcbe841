import { connectToDaemon } from '../../client/daemon-connection.js';
import type { DaemonMessage } from '../../protocol/messages.js';
import { sanitizeTerminalText } from '../../shared/terminal-text.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { printLine } from '../output.js';

/** A completion must not keep a shell waiting: a daemon that does not answer in this is none. */
const TIMEOUT_MS = 500;

/**
 * `atm __sessions`, run by the shell completions: each session's id and project as
 * `value<TAB>description` lines. Silent, and exit 0, whenever no daemon answers.
 */
export const run: CommandRunner = async (ctx) => {
  try {
    await using connection = await connectToDaemon({
      socketPath: ctx.paths.socketPath,
      role: 'cli',
      timeoutMs: TIMEOUT_MS,
    });
    connection.send({ type: 'list', id: 1 });
    const reply = await connection.next(
      (m): m is Extract<DaemonMessage, { type: 'snapshot' | 'error' }> => m.type === 'snapshot' || m.type === 'error',
      TIMEOUT_MS,
    );
    if (reply.type !== 'snapshot') return 0;
    const lines = new Map<string, string>();
    for (const session of reply.sessions) {
      const project = toWord(session.project);
      lines.set(session.id, `${project} (${session.status})`);
      if (project !== '' && !lines.has(project)) lines.set(project, `project, session ${session.id}`);
    }
    for (const [value, description] of lines) printLine(`${value}\t${description}`);
  } catch {
    // No daemon, or a broken one: complete nothing rather than print into the user's prompt.
  }
  return 0;
};

/** One shell word: no escapes, no whitespace (a project name with spaces is offered by its id only). */
const toWord = (text: string): string => {
  const clean = sanitizeTerminalText(text);
  return /\s/.test(clean) ? '' : clean;
};
