#!/usr/bin/env node
/**
 * atmd's entry point: runs in the foreground, as systemd and launchd want. This module and
 * src/cli/main.ts are the only ones that read the process's argv and environment. The stop
 * signals are caught before anything else is even loaded (see stop-signals.ts).
 */
import { ignoreBrokenStdio } from '../platform/std-streams.js';
import { ATMD_HELP, parseAtmdArgs } from './atmd-command-line.js';
import { catchStopSignals } from './stop-signals.js';

const stopSignals = catchStopSignals();
ignoreBrokenStdio();

const commandLine = parseAtmdArgs(process.argv.slice(2));
if (commandLine.kind === 'help') {
  process.stdout.write(`${ATMD_HELP}\n`);
  process.exit(0);
}
if (commandLine.kind === 'version') {
  const { PACKAGE_VERSION } = await import('../platform/package-info.js');
  process.stdout.write(`atmd ${PACKAGE_VERSION}\n`);
  process.exit(0);
}
if (commandLine.kind === 'usage-error') {
  process.stderr.write(`atmd: ${commandLine.message}\nUsage: atmd [-h|--help] [-V|--version]\n`);
  process.exit(2);
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
