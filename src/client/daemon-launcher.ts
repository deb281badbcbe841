import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { toAtmdArgv } from '../platform/atmd-node-options.js';
import { answers, waitFor } from '../platform/socket-probe.js';
import { AtmError } from '../shared/errors.js';

export type EnsureOutcome = 'already-running' | 'started';

const START_TIMEOUT_MS = 5_000;

/** The atmd entry point next to this module (dist/daemon/main.js once built). */
export const DAEMON_ENTRY = fileURLToPath(new URL('../daemon/main.js', import.meta.url));

/**
 * Makes sure a daemon answers on `socketPath`, starting a detached `atmd` when none does.
 * If it dies while starting, its own error message (a bad config, say) is what the user sees.
 */
export async function ensureDaemon(options: { socketPath: string; env: NodeJS.ProcessEnv }): Promise<EnsureOutcome> {
  if (await answers(options.socketPath)) return 'already-running';
  const child = spawn(process.execPath, toAtmdArgv(DAEMON_ENTRY), {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...options.env, ATM_SOCKET: options.socketPath },
  });
  let stderr = '';
  let exited: number | null = null;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < 4_000) stderr += text;
  });
  child.once('exit', (code) => {
    exited = code ?? 1;
  });
  const up = await waitFor(async () => exited !== null || (await answers(options.socketPath)), {
    timeoutMs: START_TIMEOUT_MS,
  });
  // atmd survives writing to the pipe once it is closed (platform/std-streams.ts): keeping it
  // open unread instead would let it fill, and atmd's writes to a pipe block.
  child.stderr.destroy();
  child.unref();
  if (up && exited === null) return 'started';
  // Another starter may have won the race: that is fine too.
  if (await answers(options.socketPath)) return 'already-running';
  throw toStartFailure(stderr, exited);
}

/** atmd prints "atmd: <what failed>" and maybe "  hint: <how to fix>": pass both on as they are. */
export function toStartFailure(stderr: string, exitCode: number | null): AtmError {
  const lines = stderr.split('\n').map((line) => line.trim());
  const what = lines.find((line) => line.startsWith('atmd: '))?.slice('atmd: '.length);
  const hint = lines.find((line) => line.startsWith('hint: '))?.slice('hint: '.length);
  // atmd exits 4 for a bad config: the same status `atm` uses for invalid input.
  return new AtmError(
    exitCode === 4 ? 'config-invalid' : 'daemon-unreachable',
    `atmd did not start${what === undefined ? '' : `: ${what}`}`,
    {
      hint: hint ?? 'run `atmd` in a terminal to see why, and check the log in $XDG_STATE_HOME/atm/log',
    },
  );
}
