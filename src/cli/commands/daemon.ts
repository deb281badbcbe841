import { ensureDaemon } from '../../client/daemon-launcher.js';
import { connectToDaemon } from '../../client/daemon-connection.js';
import { answers, waitFor } from '../../platform/socket-probe.js';
import { AtmError } from '../../shared/errors.js';
import { printLine } from '../output.js';
import type { CommandContext, CommandRunner } from '../command-line/command-spec.js';

export const run: CommandRunner = (ctx, input) => runDaemonCommand(ctx, input.arg('action') ?? 'status');

/** `atm daemon [start|run|stop|status]`. */
export async function runDaemonCommand(ctx: CommandContext, action: string): Promise<number> {
  const socketPath = ctx.paths.socketPath;
  switch (action) {
    case 'start': {
      const outcome = await ensureDaemon({ socketPath, env: ctx.env });
      printLine(outcome === 'started' ? `atmd started on ${socketPath}` : `atmd already answers on ${socketPath}`);
      return 0;
    }
    case 'run': {
      const { runDaemon } = await import('../../daemon/run-daemon.js');
      return runDaemon({ env: ctx.env, paths: ctx.paths });
    }
    case 'status': {
      await using connection = await connectToDaemon({ socketPath, role: 'cli', timeoutMs: 2_000 });
      const { daemonVersion, pid, protocolVersion } = connection.welcome;
      printLine(`atmd ${daemonVersion} (pid ${pid}, protocol ${protocolVersion}) answers on ${socketPath}`);
      return 0;
    }
    case 'stop': {
      let pid: number;
      {
        await using connection = await connectToDaemon({ socketPath, role: 'cli', timeoutMs: 2_000 });
        pid = connection.welcome.pid;
      }
      process.kill(pid, 'SIGTERM');
      const gone = await waitFor(async () => !(await answers(socketPath)), { timeoutMs: 5_000 });
      if (!gone) throw new AtmError('timeout', `atmd (pid ${pid}) did not stop within 5 s`, { hint: `kill ${pid}` });
      printLine(`atmd (pid ${pid}) stopped`);
      return 0;
    }
    default:
      throw new AtmError('usage', `unknown daemon action "${action}"`, { hint: 'use start, run, stop or status' });
  }
}
