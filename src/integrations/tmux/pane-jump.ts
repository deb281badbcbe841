import { toPaneId, type PaneId } from '../../domain/ids.js';
import { AtmError } from '../../shared/errors.js';
import { createExecFileTmux } from './exec-file-tmux.js';
import type { Tmux } from './tmux.js';

/**
 * Going to a session's pane, on the tmux server the session runs on (`session.tmux.server`, the
 * server's socket path; null when unknown). Used by `atm jump`, `atm next`, the dashboard's Enter
 * and a click on a notification. The pane id is checked before it reaches tmux; the server path
 * must be absolute.
 */
export interface PaneTarget {
  readonly pane: string;
  /** The tmux server's socket path, or null for "the server we are in, else the default one". */
  readonly server: string | null;
}

export type JumpOutcome =
  /** A client of that server now shows the pane. */
  | { readonly kind: 'switched' }
  /**
   * The caller is outside tmux, or on another tmux server: its own terminal cannot be switched.
   * The pane is selected on its server (and that server's client switched, if one is attached);
   * `command` is what to run to look at it from here.
   */
  | { readonly kind: 'attach'; readonly command: string; readonly switchedElsewhere: boolean };

export interface JumpDeps {
  /** The tmux port for one server (null: the default server). */
  readonly tmuxFor: (server: string | null) => Tmux;
}

const TMUX_TIMEOUT_MS = 2_000;

export const EXEC_FILE_JUMP_DEPS: JumpDeps = {
  tmuxFor: (server) =>
    createExecFileTmux({ ...(server === null ? {} : { socketPath: server }), timeoutMs: TMUX_TIMEOUT_MS }),
};

/** `$TMUX` is "socket,pid,session"; its socket path, or null outside tmux. */
export function currentTmuxServer(tmuxEnv: string | undefined): string | null {
  const socket = tmuxEnv?.split(',')[0] ?? '';
  return socket.startsWith('/') ? socket : null;
}

function checkTarget(target: PaneTarget): { pane: PaneId; server: string | null } {
  const pane = toPaneId(target.pane);
  if (pane === null) throw new AtmError('usage', `not a tmux pane id: ${JSON.stringify(target.pane)}`);
  if (target.server !== null && !target.server.startsWith('/'))
    throw new AtmError('usage', `not a tmux socket path: ${JSON.stringify(target.server)}`);
  return { pane, server: target.server };
}

/**
 * For the daemon and the dashboard: make the most recently active client of the session's server
 * show the pane (with no client attached, only the window and pane are selected).
 */
export async function switchToPane(target: PaneTarget, deps: JumpDeps = EXEC_FILE_JUMP_DEPS): Promise<void> {
  const { pane, server } = checkTarget(target);
  await deps.tmuxFor(server).jumpTo(pane);
}

/**
 * For a command run by the user (`atm jump`, `atm next`): from inside the session's own tmux
 * server, switch this client; from anywhere else, select the pane there and say how to attach.
 */
export async function jumpToPane(
  target: PaneTarget,
  from: { readonly tmuxEnv: string | undefined },
  deps: JumpDeps = EXEC_FILE_JUMP_DEPS,
): Promise<JumpOutcome> {
  const here = currentTmuxServer(from.tmuxEnv);
  const checked = checkTarget(target);
  const server = checked.server ?? here;
  const tmux = deps.tmuxFor(server);
  if (here !== null && server === here) {
    await tmux.jumpTo(checked.pane);
    return { kind: 'switched' };
  }
  await tmux.jumpTo(checked.pane);
  const clients = await tmux.listPanes().then(
    (panes) => panes.some((p) => p.paneId === checked.pane && p.clientTty !== null),
    () => false,
  );
  return { kind: 'attach', command: toAttachCommand(server, checked.pane), switchedElsewhere: clients };
}

/** `tmux -S '/tmp/tmux-1000/default' attach -t %3`, quoted for a POSIX shell. */
export function toAttachCommand(server: string | null, pane: PaneId): string {
  const socket = server === null ? '' : `-S ${shellQuote(server)} `;
  return `tmux ${socket}attach -t ${pane}`;
}

function shellQuote(text: string): string {
  return /^[\w./:@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
