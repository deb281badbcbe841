#!/usr/bin/env node
/**
 * atm's composition root: the only module that reads argv and the environment and exits.
 * Each command is imported lazily, so `atm hook` (run on every tool call) loads a few small
 * modules and never terminal-kit, winston, cosmiconfig or zod. `atm --version` and `atm --help`
 * load one generated module each (the version and the help text, written by `npm run generate`
 * from package.json and the command table), next to paths.js, which every other path needs (a
 * static import loads with this module, in the same round as it).
 */
import * as nodeModule from 'node:module';
import { writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolvePaths, type AtmPaths } from '../platform/paths.js';

// Node 22.1+ keeps the compiled code of atm's modules on disk (os.tmpdir()/node-compile-cache,
// or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so later runs skip parsing
// and compiling them. Node 20 has no such call: there this is a no-op. It must run before the
// first of atm's own modules loads, which is why this module imports none statically.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const argv = process.argv.slice(2);
const command = argv[0];

const paths = (): AtmPaths =>
  resolvePaths({ env: process.env, platform: process.platform, home: homedir(), uid: process.getuid?.() ?? 0 });

/**
 * A closed stdout (`atm list | head -1`) ends atm quietly with status 0: the reader has what it
 * wanted. Without this listener Node reports the EPIPE as an unhandled 'error' with a stack.
 */
function endQuietlyOnClosedOutput(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.stderr.on('error', () => undefined); // nowhere left to say anything
}

/** `atm hook --help` is a person asking, not Claude Code reporting: the table answers it. */
const asksForHelp = argv.includes('--help') || argv.includes('-h');

/**
 * Writes straight to fd 1: `process.stdout` is a stream Node builds on first use (a pipe or tty
 * handle), which costs more than the whole `atm --version`. A closed reader (EPIPE) ends quietly.
 */
function writeOut(text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(1, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue; // a non-blocking pipe that is full
      return; // EPIPE, EBADF: nobody reads
    }
  }
}

async function main(): Promise<number> {
  if (command === 'hook' && !asksForHelp) return runReport(command);
  // `atm --version` and `atm --help` are answered before the command table loads: scripts and
  // people call them most. The help text is the table's, rendered at generate time.
  if (argv.length === 1 && (command === '--version' || command === '-V')) {
    const { PACKAGE_VERSION } = await import('../platform/package-info.js');
    writeOut(`atm ${PACKAGE_VERSION}\n`);
    return 0;
  }
  if (argv.length === 1 && (command === '--help' || command === '-h')) {
    const { ROOT_HELP } = await import('./root-help-text.js');
    writeOut(`${ROOT_HELP}\n`);
    return 0;
  }
  endQuietlyOnClosedOutput();
  if (command === 'statusline' && !asksForHelp) return runReport(command);
  const { runCommandLine } = await import('./command-line/run-command-line.js');
  return runCommandLine(argv, { paths: paths(), env: process.env });
}

/**
 * How long a hot-path command may run before it exits anyway: a safety net above the budgets in
 * commands/report.ts (2 s to read stdin, 2 s to hand the report to atmd). Hooks run with
 * `async: true`, so Claude Code does not wait for them; a shorter stop lost reports on a busy
 * machine (issue 10, defect 1). The status line is shown once it prints, and if the daemon said
 * nothing it prints its own line well before this.
 */
const HARD_STOP_MS = { hook: 4_500, statusline: 4_500 } as const;

/** The hot path: whatever goes wrong, print nothing unexpected and exit 0 quickly. */
async function runReport(kind: 'hook' | 'statusline'): Promise<number> {
  let printed = false;
  // A hard stop, in case anything hangs: Claude Code must never wait on us. A status line that
  // ran out of time still prints something: a blank status line looks like a broken install.
  setTimeout(() => {
    if (kind === 'statusline' && !printed) process.stdout.write('atm\n');
    process.exit(0);
  }, HARD_STOP_MS[kind]).unref();
  try {
    const ctx = {
      stdin: process.stdin,
      env: process.env,
      ppid: process.ppid,
      socketPath: paths().socketPath,
      now: Date.now,
    };
    if (kind === 'hook') {
      const { runHook } = await import('./commands/hook.js');
      return await runHook(ctx);
    }
    const { runStatusLine } = await import('./commands/statusline.js');
    const code = await runStatusLine({ ...ctx, stdout: process.stdout });
    printed = true; // runStatusLine writes its line just before it resolves
    return code;
  } catch {
    return 0;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
    if (command === 'hook' || command === 'statusline') process.exit(code);
  },
  async (error: unknown) => {
    if (command === 'hook' || command === 'statusline') process.exit(0);
    const { reportFailure } = await import('./output.js');
    process.exit(reportFailure(error));
  },
);
