import { join } from 'node:path';
import { loadConfig } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { PACKAGE_VERSION } from '../platform/package-info.js';
import type { AtmPaths } from '../platform/paths.js';
import { createFsWatchDirWatcher } from '../platform/fs-watch-dir-watcher.js';
import { processExists } from '../platform/process-exists.js';
import { createProcessTableFor } from '../platform/process-table-for-platform.js';
import { resolveAgentPid } from '../platform/agent-process.js';
import { createWinstonLogger } from '../platform/winston-logger.js';
import { AtmError, describeError, isAtmError } from '../shared/errors.js';
import { Daemon } from './daemon.js';
import { createPaneLister } from './pane-lister.js';
import { listen } from './socket-listener.js';
import { createTmuxProbe } from './tmux-probe.js';
import type { AgentIntegration } from '../integrations/agent-integration.js';
import { createClaudeAgent, toClaudeConfigDir } from '../integrations/claude/agent.js';
import { readGitInfo } from '../integrations/git/git-branch-reader.js';
import { singleFlight } from '../shared/single-flight.js';
import { catchStopSignals, type StopSignals } from './stop-signals.js';
import { createNotifier } from './notifier-setup.js';
import { REAL_TIMERS } from './notifier.js';
import { TmuxStatusWriter } from './tmux-status-writer.js';
import { createExecFileTmuxOptions } from '../integrations/tmux/exec-file-tmux-options.js';

/**
 * Builds and runs atmd until SIGTERM, SIGINT or SIGHUP: then it stops accepting, flushes the
 * registry and the log, and resolves 0. A signal that came during start-up is handled once
 * start-up is done (main.ts catches them first thing; `stopSignals` hands them over). A bad
 * config refuses to start (resolves 4) rather than run half-configured. Start-up failures are
 * printed to stderr, which the service manager keeps.
 */
export async function runDaemon(options: {
  env: NodeJS.ProcessEnv;
  paths: AtmPaths;
  stopSignals?: StopSignals;
}): Promise<number> {
  const { env, paths } = options;
  const stopSignals = options.stopSignals ?? catchStopSignals();
  let logger: Logger | null = null;
  try {
    const { config, file } = await loadConfig({ configDir: paths.configDir, env });
    logger = createWinstonLogger({ logDir: paths.logDir, level: config.logLevel });
    if (paths.socketWarning !== null) logger.warn(paths.socketWarning);
    const processes = createProcessTableFor(process.platform);
    // The agent CLIs atmd reads, one row each (src/integrations/agent-integration.ts is the port);
    // the first reads envelopes that name no agent.
    const agents: readonly AgentIntegration[] = [
      createClaudeAgent({ configDir: toClaudeConfigDir(env), dirWatcher: createFsWatchDirWatcher() }),
    ];
    const isAgentProcess = (command: string | null, commandLine: string | null): boolean =>
      agents.some((agent) => agent.isAgentProcess(command, commandLine));
    const notifier = await createNotifier({ config: config.notifications, env, logger });
    let daemonRef: Daemon | null = null;
    const tmuxStatus = new TmuxStatusWriter({
      sessions: () => daemonRef?.sessions() ?? [],
      options: createExecFileTmuxOptions({ timeoutMs: 2_000 }),
      timers: REAL_TIMERS,
      logger,
      coalesceMs: 100,
    });
    const daemon = new Daemon({
      config: config.daemon,
      logger,
      now: Date.now,
      version: PACKAGE_VERSION,
      stateFile: join(paths.stateDir, 'sessions.json'),
      processes: {
        startTime: (pid) => processes.startTime(pid),
        exists: processExists,
        resolveAgentPid: (pid) => resolveAgentPid(processes, pid, isAgentProcess),
      },
      tmux: createTmuxProbe(),
      gitBranch: singleFlight(readGitInfo), // one read per directory at a time
      agents,
      panes: { lister: createPaneLister(), parentPid: (pid) => processes.parentPid(pid) },
      observers: [notifier, tmuxStatus],
    });
    daemonRef = daemon;
    await daemon.start();
    const listener = await listen({ path: paths.socketPath, env, onConnection: (socket) => daemon.accept(socket) });
    logger.info('atmd listening', {
      socket: listener.path,
      origin: listener.origin,
      pid: process.pid,
      version: PACKAGE_VERSION,
      config: file,
    });
    const log = logger;
    process.on('uncaughtException', (error) => {
      log.error('uncaught exception; exiting so the service manager restarts atmd', {
        error: error.stack ?? String(error),
      });
      void log.close().finally(() => process.exit(70));
    });
    const signal = await stopSignals.first;
    logger.info('atmd stopping', { signal });
    // Stop accepting now, but wait for the listener only after the daemon has ended every
    // connection: server.close() resolves once no connection is left, so awaiting it first
    // would hang for as long as any client (a dashboard, a subscriber) stays connected.
    const listenerClosed = listener.close();
    await daemon.close();
    await listenerClosed;
    logger.info('atmd stopped', { sessions: daemon.registry.size });
    await logger.close();
    return 0;
  } catch (error) {
    const message = isAtmError(error) ? error.message : describeError(error);
    const hint = isAtmError(error) && error.hint !== undefined ? `\n  hint: ${error.hint}` : '';
    process.stderr.write(`atmd: ${message}${hint}\n`);
    logger?.error('atmd failed to start', { error: message });
    await logger?.close();
    if (isAtmError(error) && error.code === 'config-invalid') return 4;
    return error instanceof AtmError && error.code === 'daemon-already-running' ? 3 : 1;
  }
}
