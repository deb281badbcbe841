import type { CommandContext } from './dispatch.js';
import { fetchSessions } from './list.js';
import { printLine } from '../output.js';
import { renderSessionTable } from '../session-table.js';

/** Temporary: prints the table until the dashboard lands. */
export async function runDashboardCommand(ctx: CommandContext, _options: { mode: 'dashboard' | 'pick'; noStart: boolean }): Promise<number> {
  const { ensureDaemon } = await import('../../client/daemon-launcher.js');
  await ensureDaemon({ socketPath: ctx.paths.socketPath, env: ctx.env });
  printLine(renderSessionTable(await fetchSessions(ctx.paths.socketPath), { now: Date.now(), width: 120 }));
  return 0;
}
