import type { SessionId } from '../domain/ids.js';
import type { Session } from '../domain/session.js';
import type { ScreenSize } from './screen.js';

export const DASHBOARD_MODES = ['dashboard', 'pick'] as const;
/** `pick` is the same view, but Enter jumps and exits (for `tmux display-popup -E "atm --pick"`). */
export type DashboardMode = (typeof DASHBOARD_MODES)[number];

/** The order `s` cycles through. Under `status`, waiting sessions come first. */
export const SORT_MODES = ['status', 'context', 'cost', 'recent'] as const;
export type SortMode = (typeof SORT_MODES)[number];

export type Connection =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected' }
  | { readonly kind: 'disconnected'; readonly reason: string; readonly retryAt: number };

/** A table row's identity: selection is kept by identity, so it survives re-sorting and updates. */
export type RowKey =
  { readonly kind: 'group'; readonly group: string } | { readonly kind: 'session'; readonly id: SessionId };

/**
 * How the user runs this atm, for the advice the dashboard gives (`atm setup`): `atm`, or
 * `node dist/cli/main.js` when atm is not on PATH yet, with how to put it there.
 */
export interface AtmCommand {
  readonly command: string;
  /** What puts it on PATH, e.g. "`npm install -g .` here"; null when `atm` on PATH is this install. */
  readonly install: string | null;
}

export const PLAIN_ATM: AtmCommand = { command: 'atm', install: null };

/** `error` for a failed action, `info` for news that is not a problem: only errors look like errors. */
export interface Notice {
  readonly text: string;
  readonly tone: 'info' | 'error';
}

/** Everything the dashboard shows, as plain data; `update` is the only way it changes. */
export interface DashboardState {
  readonly mode: DashboardMode;
  readonly size: ScreenSize;
  readonly sessions: ReadonlyMap<SessionId, Session>;
  /**
   * Sessions atmd has that this version could not read (a newer atmd's values), by id: not shown,
   * but counted in the footer, so none goes missing without a word.
   */
  readonly unreadable: ReadonlySet<string>;
  /** The protocol version atmd's welcome gave; null before the first snapshot. */
  readonly daemonProtocol: string | null;
  readonly connection: Connection;
  /** Whether a snapshot ever arrived: tells "connecting…" at start from "reconnecting…" later. */
  readonly hasConnected: boolean;
  readonly sort: SortMode;
  readonly filter: string;
  readonly filterEditing: boolean;
  /** Group keys (see toGroupKey) the user folded. */
  readonly collapsed: ReadonlySet<string>;
  readonly selected: RowKey | null;
  /** Index of the first table row on screen. */
  readonly scrollTop: number;
  readonly showDetail: boolean;
  readonly showHelp: boolean;
  /** A one-line message for the footer (a failed jump, "Started atmd"), cleared by the next key. */
  readonly notice: Notice | null;
  /** Shown as `~` in paths; null when unknown. */
  readonly homeDir: string | null;
  readonly atm: AtmCommand;
}

export function createDashboardState(
  mode: DashboardMode,
  size: ScreenSize,
  homeDir: string | null = null,
  atm: AtmCommand = PLAIN_ATM,
): DashboardState {
  return {
    mode,
    size,
    sessions: new Map(),
    unreadable: new Set(),
    daemonProtocol: null,
    connection: { kind: 'connecting' },
    hasConnected: false,
    sort: 'status',
    filter: '',
    filterEditing: false,
    collapsed: new Set(),
    selected: null,
    scrollTop: 0,
    showDetail: true,
    showHelp: false,
    notice: null,
    homeDir,
    atm,
  };
}

export function isSameRow(a: RowKey | null, b: RowKey | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'group') return b.kind === 'group' && a.group === b.group;
  return b.kind === 'session' && a.id === b.id;
}
