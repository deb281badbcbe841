import type { Session, SessionStatus } from '../domain/session.js';
import { PROTOCOL_VERSION, parseProtocolVersion } from '../protocol/version.js';
import { computeLayout } from './layout.js';
import { toTableRows, type TableRow } from './table-rows.js';
import { isSameRow, type Connection, type DashboardState } from './view-state.js';

export interface HeaderView {
  readonly title: string;
  readonly connection: Connection['kind'];
  /** Over all sessions, whatever the filter: the header is the at-a-glance summary. */
  readonly counts: Readonly<Record<SessionStatus, number>>;
  readonly totalCostUsd: number;
}

export interface VisibleRow {
  readonly row: TableRow;
  readonly selected: boolean;
}

/** What the renderer draws, derived from the state and the time; no layout or styling yet. */
export interface DashboardView {
  readonly header: HeaderView;
  readonly banner: string | null;
  /** The sessions are the last known ones (daemon gone): shown, but dimmed. */
  readonly dimmed: boolean;
  readonly rows: readonly VisibleRow[];
  readonly rowCount: number;
  readonly emptyMessage: string | null;
  readonly detail: Session | null;
}

export function toDashboardView(state: DashboardState, nowMs: number): DashboardView {
  const rows = toTableRows(state);
  const layout = computeLayout(state);
  const visible = rows.slice(state.scrollTop, state.scrollTop + layout.tableHeight);
  const selectedRow = rows.find((row) => isSameRow(row.key, state.selected));
  return {
    header: toHeader(state),
    banner: toBanner(state, nowMs),
    dimmed: state.connection.kind !== 'connected',
    rows: visible.map((row) => ({ row, selected: isSameRow(row.key, state.selected) })),
    rowCount: rows.length,
    emptyMessage: rows.length > 0 ? null : toEmptyMessage(state),
    detail: selectedRow?.kind === 'session' ? selectedRow.session : null,
  };
}

function toHeader(state: DashboardState): HeaderView {
  const counts: Record<SessionStatus, number> = { working: 0, waiting: 0, idle: 0 };
  let totalCostUsd = 0;
  for (const session of state.sessions.values()) {
    counts[session.status] += 1;
    totalCostUsd += session.cost?.totalUsd ?? 0;
  }
  return { title: state.mode === 'pick' ? 'atm pick' : 'atm', connection: state.connection.kind, counts, totalCostUsd };
}

/** Seconds are rounded up, so the banner never says "in 0s" while a retry is still ahead. */
function toBanner(state: DashboardState, nowMs: number): string | null {
  const { connection } = state;
  if (connection.kind === 'disconnected') {
    const seconds = Math.max(0, Math.ceil((connection.retryAt - nowMs) / 1000));
    return seconds > 0 ? `Daemon disconnected — reconnecting in ${seconds}s` : 'Daemon disconnected — reconnecting…';
  }
  return connection.kind === 'connecting' && state.hasConnected ? 'Daemon disconnected — reconnecting…' : null;
}

/** Whether atmd's protocol is a newer MINOR than this atm's (a MAJOR apart, it would have refused us). */
function isNewerProtocol(version: string | null): boolean {
  const theirs = version === null ? null : parseProtocolVersion(version);
  const ours = parseProtocolVersion(PROTOCOL_VERSION);
  return theirs !== null && ours !== null && theirs.major === ours.major && theirs.minor > ours.minor;
}

/**
 * The footer's word on sessions this atm could not read, longest first (the footer shows the
 * longest that fits beside its last hints); empty when every session is shown.
 */
export function unreadableWarnings(state: DashboardState): readonly string[] {
  const count = state.unreadable.size;
  if (count === 0) return [];
  const what = `${count} session${count === 1 ? '' : 's'} not shown`;
  if (isNewerProtocol(state.daemonProtocol)) {
    const version = state.daemonProtocol ?? '';
    return [
      `${what}: atmd speaks a newer protocol (${version}); update atm, or restart this dashboard if you did`,
      `${what}: atmd speaks a newer protocol (${version}); update atm`,
      `${what}: atmd is newer (${version}); update atm`,
      `${count} not shown: update atm`,
    ];
  }
  return [
    `${what}: this atm cannot read them (atm list says why)`,
    `${what} (atm list says why)`,
    `${count} not shown`,
  ];
}

function toEmptyMessage(state: DashboardState): string {
  const atm = state.atm.command;
  if (!state.hasConnected) {
    return state.connection.kind === 'disconnected'
      ? `No atm daemon answers. Start one with \`${atm} daemon start\` (or run \`${atm}\` without --no-start); this screen connects by itself.`
      : 'Connecting to the atm daemon…';
  }
  if (state.sessions.size > 0) return `No session matches "${state.filter.trim()}".`;
  if (state.unreadable.size > 0) return `${unreadableWarnings(state)[0] ?? ''}.`;
  const path = state.atm.install === null ? '' : ` (atm is not on your PATH yet: ${state.atm.install} puts it there.)`;
  return (
    `No agent sessions yet. Run \`${atm} setup\` once, then start Claude Code in a tmux pane: it shows up here.` +
    `${path} To see every state first, without Claude Code: \`${atm} demo\`.`
  );
}
