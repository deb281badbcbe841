import { homedir } from 'node:os';
import { connectToDaemon } from '../../client/daemon-connection.js';
import type { Session } from '../../domain/session.js';
import type { DaemonMessage } from '../../protocol/messages.js';
import { AtmError } from '../../shared/errors.js';
import type { CommandContext, CommandRunner } from '../command-line/command-spec.js';
import { currentAtmInvocation } from '../atm-invocation.js';
import { printError, printLine } from '../output.js';
import { renderSessionTable } from '../session-table.js';
import { paintSessionTable } from '../sgr.js';

const TIMEOUT_MS = 3_000;

export const run: CommandRunner = (ctx, input) => runList(ctx, { json: input.flag('json'), color: ctx.color });

/** `atm list [--json]`: one snapshot of the sessions, as a table or the public JSON array. */
export async function runList(ctx: CommandContext, options: { json: boolean; color: boolean }): Promise<number> {
  const sessions = await fetchSessions(ctx.paths.socketPath);
  if (options.json) printLine(JSON.stringify(sessions, null, 2));
  else {
    // A terminal's width cuts the lines; a pipe gets them whole, and so does a terminal that
    // reports no width (a pty with 0 columns, as `script` makes), rather than printing blank lines.
    const columns = process.stdout.isTTY === true ? process.stdout.columns : 0;
    const width = columns > 0 ? columns : Number.POSITIVE_INFINITY;
    const atm = sessions.length === 0 ? currentAtmInvocation(ctx.env, homedir()).command : 'atm';
    printLine(paintSessionTable(renderSessionTable(sessions, { now: Date.now(), width, atm }), options.color));
  }
  return 0;
}

export async function fetchSessions(socketPath: string): Promise<Session[]> {
  await using connection = await connectToDaemon({ socketPath, role: 'cli', timeoutMs: TIMEOUT_MS });
  connection.onProblem((problem) => printError(`${problem}; upgrade atm to see it`));
  connection.send({ type: 'list', id: 1 });
  const reply = await connection.next(
    (m): m is Extract<DaemonMessage, { type: 'snapshot' | 'error' }> => m.type === 'snapshot' || m.type === 'error',
    TIMEOUT_MS,
  );
  if (reply.type === 'error')
    throw new AtmError('protocol-error', `atmd answered list with ${reply.code}: ${reply.message}`);
  return reply.sessions;
}
