#!/usr/bin/env node
/**
 * atm's composition root: the only module that reads argv and the environment and exits.
 * Each command is imported lazily, so `atm hook` (run on every tool call) loads a few small
 * modules and never terminal-kit, winston, cosmiconfig or zod.
 */
import { homedir } from 'node:os';
import { resolvePaths } from '../platform/paths.js';

const argv = process.argv.slice(2);
const command = argv[0];

const paths = (): ReturnType<typeof resolvePaths> =>
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

async function main(): Promise<number> {
  if (command === 'hook' && !asksForHelp) return runReport(command);
  endQuietlyOnClosedOutput();
  if (command === 'statusline' && !asksForHelp) return runReport(command);
  // `atm --version` is answered before the command table loads: it is what scripts call most.
  if (argv.length === 1 && (command === '--version' || command === '-V')) {
    const { PACKAGE_VERSION } = await import('../platform/package-info.js');
    process.stdout.write(`atm ${PACKAGE_VERSION}\n`);
    return 0;
  }
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
  const ctx = {
    stdin: process.stdin,
    env: process.env,
    ppid: process.ppid,
    socketPath: paths().socketPath,
    now: Date.now,
  };
  try {
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
