#!/usr/bin/env node
/**
 * atmd's entry point: runs in the foreground, as systemd and launchd want. This module and
 * src/cli/main.ts are the only ones that read the process's argv and environment. The stop
 * signals are caught before anything else is even loaded (see stop-signals.ts).
 */
import { catchStopSignals } from './stop-signals.js';

const stopSignals = catchStopSignals();

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'atmd — the atm daemon. Runs in the foreground; normally started by systemd, launchd or `atm`.\n' +
      'Socket: $ATM_SOCKET, else $XDG_RUNTIME_DIR/atm.sock. Config: $XDG_CONFIG_HOME/atm/config.yaml.\n' +
      'SIGTERM, SIGINT and SIGHUP save the sessions and stop it.\n',
  );
  process.exit(0);
}

const { homedir } = await import('node:os');
const { resolvePaths } = await import('../platform/paths.js');
const { runDaemon } = await import('./run-daemon.js');
const paths = resolvePaths({
  env: process.env,
  platform: process.platform,
  home: homedir(),
  uid: process.getuid?.() ?? 0,
});
runDaemon({ env: process.env, paths, stopSignals }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`atmd: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
