import type { Session } from '../../domain/session.js';
import { jumpToPane } from '../../integrations/tmux/pane-jump.js';
import { AtmError } from '../../shared/errors.js';
import { sanitizeTerminalText } from '../../shared/terminal-text.js';
import type { CommandContext, CommandRunner } from '../command-line/command-spec.js';
import { printError, printLine } from '../output.js';
import { findSession } from '../session-pick.js';
import { fetchSessions } from './list.js';

/** `atm jump <id | name | project>`: go to that session's pane. */
export const run: CommandRunner = async (ctx, input) => {
  const query = input.arg('session') ?? '';
  const session = findSession(await fetchSessions(ctx.paths.socketPath), query);
  return goTo(ctx, session);
};

/**
 * Switches this tmux client to the session's pane. From outside tmux (or from another tmux
 * server) the pane is selected on its own server and the command to look at it is printed on
 * stdout, alone, so `$(atm jump x)` works; the why goes to stderr. Prints nothing on a switch:
 * a tmux binding's `run-shell` would show it.
 */
export async function goTo(ctx: CommandContext, session: Session): Promise<number> {
  if (session.tmux === null) {
    throw new AtmError(
      'not-found',
      `session ${session.id} (${sanitizeTerminalText(session.project)}) has no tmux pane`,
      {
        hint: 'it runs outside tmux, or atmd has not found its pane yet',
      },
    );
  }
  const outcome = await jumpToPane({ pane: session.tmux.pane, server: session.tmux.server }, { tmuxEnv: ctx.env.TMUX });
  if (outcome.kind === 'switched') return 0;
  const where = ctx.env.TMUX === undefined ? 'outside tmux' : 'on another tmux server';
  printError(
    `${sanitizeTerminalText(session.project)} is in tmux pane ${session.tmux.pane}; you are ${where}. To go there, run:`,
  );
  printLine(outcome.command);
  return 0;
}
