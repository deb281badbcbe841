import { toPaneId, type PaneId } from '../../domain/ids.js';
import { assertNever } from '../../shared/assert-never.js';
import { AtmError } from '../../shared/errors.js';
import { sanitizeTerminalText } from '../../shared/terminal-text.js';
import { runFile } from '../../platform/exec-file.js';
import { LIST_CLIENTS_FORMAT, LIST_PANES_FORMAT, mostRecentClient, parseTmuxListing } from './list-panes-parser.js';
import type { JumpOptions, PaneInfo, Tmux } from './tmux.js';

export interface ExecFileTmuxOptions {
  /** `tmux -S <socketPath>` (absolute; wins over serverName). Neither: tmux's default server. */
  readonly socketPath?: string;
  /** `tmux -L <serverName>`. */
  readonly serverName?: string;
  /** Per tmux run; a hung server must not hang the daemon. */
  readonly timeoutMs: number;
}

/** Panes and clients in one tmux run: `;` alone in argv separates tmux commands (no shell involved). */
const LISTING_ARGS = ['list-panes', '-a', '-F', LIST_PANES_FORMAT, ';', 'list-clients', '-F', LIST_CLIENTS_FORMAT];
const NO_SERVER = /^(no server running on|error connecting to) /m;
const NO_PANE = /^can't find (pane|window|session)/m;

type Ran =
  { readonly kind: 'ok'; readonly stdout: string } | { readonly kind: 'no-server' } | { readonly kind: 'no-pane' };

function serverArgs(options: ExecFileTmuxOptions): string[] {
  if (options.socketPath !== undefined) {
    if (!options.socketPath.startsWith('/'))
      throw new AtmError('tmux-failed', `tmux socket path must be absolute: ${options.socketPath}`);
    return ['-S', options.socketPath];
  }
  if (options.serverName !== undefined) {
    if (!/^[\w.-]+$/.test(options.serverName))
      throw new AtmError('tmux-failed', `bad tmux server name: ${options.serverName}`);
    return ['-L', options.serverName];
  }
  return [];
}

/**
 * The Tmux port over the tmux binary, run with execFile (never a shell): every pane id is
 * checked against `%<digits>` before it becomes an argument. `-u` makes tmux emit UTF-8 even
 * when the daemon runs without a UTF-8 locale (under systemd, say), where it would otherwise
 * print "_" for every non-ASCII character and for our field separator.
 */
export function createExecFileTmux(options: ExecFileTmuxOptions): Tmux {
  const base = ['-u', ...serverArgs(options)];
  const server =
    options.socketPath ??
    (options.serverName === undefined ? 'the default tmux server' : `tmux server "${options.serverName}"`);

  const run = async (args: readonly string[]): Promise<Ran> => {
    const what = `tmux ${args[0] ?? ''}`;
    const outcome = await runFile('tmux', [...base, ...args], { timeoutMs: options.timeoutMs });
    switch (outcome.kind) {
      case 'exited': {
        if (outcome.exitCode === 0) return { kind: 'ok', stdout: outcome.stdout };
        if (NO_SERVER.test(outcome.stderr)) return { kind: 'no-server' };
        if (NO_PANE.test(outcome.stderr)) return { kind: 'no-pane' };
        const reason =
          sanitizeTerminalText(outcome.stderr.trim().split('\n', 1)[0] ?? '') || `exit ${outcome.exitCode}`;
        throw new AtmError('tmux-failed', `${what} failed on ${server}: ${reason}`);
      }
      case 'not-found':
        throw new AtmError('tmux-failed', 'tmux is not installed (not found on PATH)', { hint: 'install tmux' });
      case 'timed-out':
        throw new AtmError('tmux-failed', `${what} did not answer within ${options.timeoutMs} ms on ${server}`, {
          hint: 'the tmux server may be hung; check it with `tmux list-sessions`',
        });
      case 'failed':
        throw new AtmError('tmux-failed', `${what} failed: ${outcome.error.message}`, { cause: outcome.error });
      default:
        return assertNever(outcome, 'run outcome');
    }
  };

  const listing = async () => {
    const ran = await run(LISTING_ARGS);
    return parseTmuxListing(ran.kind === 'ok' ? ran.stdout : '');
  };

  return {
    async isAvailable() {
      try {
        return (await run(['list-sessions', '-F', '#{session_id}'])).kind === 'ok';
      } catch {
        return false;
      }
    },
    async listPanes(): Promise<PaneInfo[]> {
      return (await listing()).panes;
    },
    async jumpTo(pane: PaneId, jump: JumpOptions = {}) {
      // Checked again here: a PaneId may have been cast from anything by a caller.
      const id = toPaneId(pane);
      if (id === null) {
        throw new AtmError('tmux-failed', `refusing to pass ${JSON.stringify(pane)} to tmux as a pane id`);
      }
      if (jump.clientTty !== undefined && !/^\/\S+$/.test(jump.clientTty)) {
        throw new AtmError('tmux-failed', `refusing to pass ${JSON.stringify(jump.clientTty)} to tmux as a client tty`);
      }
      const tty = jump.clientTty ?? mostRecentClient((await listing()).clients)?.tty ?? null;
      const select = ['select-window', '-t', id, ';', 'select-pane', '-t', id];
      const ran = await run(tty === null ? select : [...select, ';', 'switch-client', '-c', tty, '-t', id]);
      if (ran.kind === 'no-pane') {
        throw new AtmError('not-found', `tmux pane ${id} no longer exists`, {
          hint: 'its window was closed; the list refreshes by itself',
        });
      }
      if (ran.kind === 'no-server') throw new AtmError('tmux-failed', `no tmux server is running (${server})`);
    },
  };
}
