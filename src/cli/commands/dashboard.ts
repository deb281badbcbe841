import { homedir } from 'node:os';
import { ensureDaemon } from '../../client/daemon-launcher.js';
import { createSessionFeed } from '../../client/session-feed.js';
import { jumpToPane } from '../../integrations/tmux/pane-jump.js';
import type { Jumper } from '../../tui/jumper.js';
import { answers } from '../../platform/socket-probe.js';
import { currentAtmInvocation } from '../atm-invocation.js';
import { AtmError } from '../../shared/errors.js';
import type { Notice } from '../../tui/view-state.js';
import { SYSTEM_CLOCK } from '../../tui/clock.js';
import type { CommandContext, CommandRunner } from '../command-line/command-spec.js';
import { printLine } from '../output.js';

export const run: CommandRunner = (ctx, input) =>
  runDashboardCommand(ctx, {
    mode: input.command === 'pick' || input.flag('pick') ? 'pick' : 'dashboard',
    noStart: input.flag('no-start'),
    color: ctx.color,
  });

/**
 * `atm`, `atm --pick`, `atm pick`: the dashboard. Starts atmd first when none answers (and says
 * so in the footer); from then on the feed reconnects by itself if the daemon goes away.
 */
export async function runDashboardCommand(
  ctx: CommandContext,
  options: { mode: 'dashboard' | 'pick'; noStart: boolean; color: boolean },
): Promise<number> {
  if (process.stdout.isTTY !== true || process.stdin.isTTY !== true) {
    throw new AtmError('usage', 'the dashboard needs a terminal', {
      hint: 'use `atm list` (or `atm list --json`) in scripts and pipes',
    });
  }
  const socketPath = ctx.paths.socketPath;
  let notice: Notice | undefined;
  if (!options.noStart && (await ensureDaemon({ socketPath, env: ctx.env })) === 'started') {
    notice = { text: `Started atmd on ${socketPath}.`, tone: 'info' };
  }
  const { runDashboard } = await import('../../tui/run-dashboard.js'); // terminal-kit loads only here
  const atm = currentAtmInvocation(ctx.env, homedir());
  const controller = new AbortController();
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.once(signal, () => controller.abort());
  const code = await runDashboard({
    source: createSessionFeed({ socketPath, role: 'tui' }),
    jumper: createPaneJumper(ctx.env.TMUX),
    clock: SYSTEM_CLOCK,
    mode: options.mode,
    color: options.color,
    homeDir: homedir(),
    atm,
    signal: controller.signal,
    ...(notice === undefined ? {} : { initialNotice: notice }),
  });
  // The daemon outlives the dashboard on purpose (hooks keep reporting); say so once, and how to stop it.
  if (options.mode === 'dashboard' && (await answers(socketPath, 500))) {
    printLine(
      `atmd keeps running (${socketPath}), so sessions keep reporting; stop it with \`${atm.command} daemon stop\`.`,
    );
  }
  return code;
}

/**
 * Enter: the session's own tmux server, not the dashboard's (pane ids repeat across servers).
 * From that same server this terminal switches; from another one, or outside tmux, the pane is
 * selected over there and the dashboard says what to run to see it.
 */
function createPaneJumper(tmuxEnv: string | undefined): Jumper {
  return {
    async jumpTo(target) {
      const outcome = await jumpToPane(target, { tmuxEnv });
      return outcome.kind === 'switched' ? outcome : { kind: 'attach', command: outcome.command };
    },
  };
}
