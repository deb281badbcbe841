import { mkdir, readFile, realpath, unlink } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { connectToDaemon } from '../../client/daemon-connection.js';
import { DAEMON_ENTRY } from '../../client/daemon-launcher.js';
import type { ServiceManager } from '../../integrations/service-manager.js';
import { toAtmdArgv } from '../../platform/atmd-node-options.js';
import { writeFileAtomic } from '../../platform/atomic-file.js';
import { answers } from '../../platform/socket-probe.js';
import { AtmError } from '../../shared/errors.js';
import type { CommandContext, CommandRunner } from '../command-line/command-spec.js';
import { printLine } from '../output.js';
import { stopProcess } from '../stop-process.js';
import { installService, toNoManagerError, uninstallService } from './service-install.js';
import { renderServiceStatus } from './service-status.js';

export const run: CommandRunner = (ctx, input) =>
  runServiceCommand(ctx, input.arg('action') ?? 'status', { dryRun: input.flag('dry-run') });

/** The service manager of this OS: systemd user units on Linux, a launchd agent on macOS. */
export async function createServiceManager(ctx: Pick<CommandContext, 'env'>): Promise<ServiceManager> {
  const home = ctx.env.HOME?.startsWith('/') === true ? ctx.env.HOME : homedir();
  if (process.platform === 'darwin') {
    const { createLaunchdService } = await import('../../integrations/launchd/launchd-service.js');
    return createLaunchdService({ home, uid: process.getuid?.() ?? 0 });
  }
  const { createSystemdService } = await import('../../integrations/systemd/systemd-service.js');
  return createSystemdService({ env: ctx.env, home });
}

/**
 * node, atmd's node options (platform/atmd-node-options.ts) and atmd as a unit should name them:
 * real paths, so a symlink swapped later does not matter.
 */
export async function toExecStart(): Promise<string[]> {
  return [await realpath(process.execPath), ...toAtmdArgv(await realpath(DAEMON_ENTRY).catch(() => DAEMON_ENTRY))];
}

/** `atm service install|uninstall|status|start|stop|restart`. */
export async function runServiceCommand(
  ctx: CommandContext,
  action: string,
  options: { dryRun: boolean },
): Promise<number> {
  const manager = await createServiceManager(ctx);
  const { socketPath, logDir, stateDir } = ctx.paths;
  const execStart = await toExecStart();
  const files = manager.files({ execStart, socketPath, logDir });
  const readText = (path: string) => readFile(path, 'utf8').catch(() => null);
  switch (action) {
    case 'install':
      return installService(
        {
          manager,
          execStart,
          tempDirs: [await realpath(tmpdir()).catch(() => tmpdir())],
          socketPath,
          logDir,
          readFile: readText,
          writeFile: async (path, text) => {
            await mkdir(dirname(path), { recursive: true, mode: 0o755 });
            await writeFileAtomic(path, text, 0o644);
          },
          selfStartedAtmd: () => findSelfStartedAtmd(manager, socketPath),
          stopProcess: (pid) => stopProcess(pid, 15_000),
          print: printLine,
        },
        options,
      );
    case 'uninstall':
      return uninstallService({
        manager,
        execStart,
        socketPath,
        logDir,
        readFile: readText,
        removeFile: (path) =>
          unlink(path).then(
            () => true,
            () => false,
          ),
        keptStateDir: stateDir,
        print: printLine,
      });
    case 'status':
      for (const line of await renderServiceStatus({ manager, files: files.map((f) => f.path), socketPath, logDir }))
        printLine(line);
      return 0;
    case 'start':
    case 'stop':
    case 'restart': {
      const reason = await manager.unavailable();
      if (reason !== null) throw toNoManagerError(manager.label, reason);
      if ((await readText(files[0]?.path ?? '')) === null)
        throw new AtmError('not-found', `the ${manager.label} are not installed`, {
          hint: 'run `atm service install`',
        });
      await manager[action]();
      const state = await manager.state();
      printLine(
        `${action === 'stop' ? 'stopped' : action === 'start' ? 'started' : 'restarted'}: ${state.lines.join('; ')}`,
      );
      return 0;
    }
    default:
      throw new AtmError('usage', `unknown service action "${action}"`, {
        hint: 'use install, uninstall, status, start, stop or restart',
      });
  }
}

/**
 * An atmd that answers on the socket but is not the service's: one `atm` started. When the
 * service manager owns the socket, whatever answers is the service (and asking would start it).
 */
async function findSelfStartedAtmd(manager: ServiceManager, socketPath: string): Promise<number | null> {
  const state = await manager.state();
  if (state.active && state.mainPid === null) return null;
  if (!(await answers(socketPath))) return null;
  await using connection = await connectToDaemon({ socketPath, role: 'cli', timeoutMs: 5_000 });
  const { pid } = connection.welcome;
  return pid === state.mainPid ? null : pid;
}
