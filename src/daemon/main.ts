#!/usr/bin/env node
/**
 * atmd's entry point: runs in the foreground, as systemd and launchd want. This module and
 * src/cli/main.ts are the only ones that read the process's argv and environment.
 */
import { homedir } from 'node:os';
import { resolvePaths } from '../platform/paths.js';
import { runDaemon } from './run-daemon.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'atmd — the atm daemon. Runs in the foreground; normally started by systemd, launchd or `atm`.\n' +
      'Socket: $ATM_SOCKET, else $XDG_RUNTIME_DIR/atm.sock. Config: $XDG_CONFIG_HOME/atm/config.yaml.\n',
  );
  process.exit(0);
}

const paths = resolvePaths({
  env: process.env,
  platform: process.platform,
  home: homedir(),
  uid: process.getuid?.() ?? 0,
});
runDaemon({ env: process.env, paths }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`atmd: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
