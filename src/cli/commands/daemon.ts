import { ensureDaemon } from '../../client/daemon-launcher.js';
import { connectToDaemon } from '../../client/daemon-connection.js';
import { answers } from '../../platform/socket-probe.js';
import { AtmError } from '../../shared/errors.js';
import { printLine } from '../output.js';
import type { CommandContext, CommandRunner } from '../command-line/command-spec.js';
import { stopProcess } from '../stop-process.js';
import { createServiceManager, toExecStart } from './service.js';

export const run: CommandRunner = (ctx, input) => runDaemonCommand(ctx, input.arg('action') ?? 'status');

const STOP_TIMEOUT_MS = 15_000;

/**
 * The service manager's label when it owns atmd's socket (installed and listening): then starting
 * and stopping atmd by hand would fight it, and asking atmd anything would start it.
 */
async function managedBy(ctx: CommandContext): Promise<string | null> {
  const manager = await createServiceManager(ctx);
  if ((await manager.unavailable()) !== null) return null;
  const [unit] = manager.files({
    execStart: await toExecStart(),
    socketPath: ctx.paths.socketPath,
    logDir: ctx.paths.logDir,
  });
  const { readFile } = await import('node:fs/promises');
  if (unit === undefined || (await readFile(unit.path, 'utf8').catch(() => null)) === null) return null;
  return (await manager.state()).active ? manager.label : null;
}

const underService = (label: string, verb: string): AtmError =>
  new AtmError('usage', `atmd runs under the ${label}, which would start it again`, {
    hint: `use \`atm service ${verb}\` instead`,
  });

/** Stops the atmd that answers; true when one was stopped. Returns only once the process is gone. */
async function stopDaemon(socketPath: string): Promise<number | null> {
  if (!(await answers(socketPath))) return null;
  let pid: number;
  {
    await using connection = await connectToDaemon({ socketPath, role: 'cli', timeoutMs: 5_000 });
    pid = connection.welcome.pid;
  }
  if (!(await stopProcess(pid, STOP_TIMEOUT_MS)))
    throw new AtmError('timeout', `atmd (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s`, {
      hint: `kill -9 ${pid} (it may lose the last few seconds of reports)`,
    });
  return pid;
}

/** `atm daemon [start|run|stop|restart|status]`. */
export async function runDaemonCommand(ctx: CommandContext, action: string): Promise<number> {
  const socketPath = ctx.paths.socketPath;
  switch (action) {
    case 'start': {
      const label = await managedBy(ctx);
      if (label !== null) {
        printLine(`atmd runs under the ${label}: the socket ${socketPath} starts it on the first report`);
        return 0;
      }
      const outcome = await ensureDaemon({ socketPath, env: ctx.env });
      printLine(outcome === 'started' ? `atmd started on ${socketPath}` : `atmd already answers on ${socketPath}`);
      return 0;
    }
    case 'run': {
      const { runDaemon } = await import('../../daemon/run-daemon.js');
      return runDaemon({ env: ctx.env, paths: ctx.paths });
    }
    case 'status': {
      await using connection = await connectToDaemon({ socketPath, role: 'cli', timeoutMs: 10_000 });
      const { daemonVersion, pid, protocolVersion } = connection.welcome;
      printLine(`atmd ${daemonVersion} (pid ${pid}, protocol ${protocolVersion}) answers on ${socketPath}`);
      return 0;
    }
    case 'stop': {
      const label = await managedBy(ctx);
      if (label !== null) throw underService(label, 'stop');
      const pid = await stopDaemon(socketPath);
      printLine(pid === null ? `atmd is not running (nothing answers on ${socketPath})` : `atmd (pid ${pid}) stopped`);
      return 0;
    }
    case 'restart': {
      const label = await managedBy(ctx);
      if (label !== null) throw underService(label, 'restart');
      const pid = await stopDaemon(socketPath);
      await ensureDaemon({ socketPath, env: ctx.env });
      printLine(
        `${pid === null ? 'atmd was not running; ' : `atmd (pid ${pid}) stopped; `}atmd started on ${socketPath}`,
      );
      return 0;
    }
    default:
      throw new AtmError('usage', `unknown daemon action "${action}"`, {
        hint: 'use start, run, stop, restart or status',
      });
  }
}
