import type { Session } from '../domain/session.js';
import { compareSessions } from './session-order.js';
import { matchesFilter } from './session-filter.js';
import type { DashboardState, RowKey } from './view-state.js';

export interface GroupRow {
  readonly kind: 'group';
  readonly key: RowKey & { kind: 'group' };
  readonly project: string;
  readonly sessions: number;
  readonly waiting: number;
  readonly costUsd: number;
  readonly collapsed: boolean;
}

export interface SessionRow {
  readonly kind: 'session';
  readonly key: RowKey & { kind: 'session' };
  readonly session: Session;
}

export type TableRow = GroupRow | SessionRow;

/**
 * Sessions of one project share a group. The directory tells projects apart (two checkouts both
 * named "api" are two groups); the display name is only a label.
 */
export function toGroupKey(session: Session): string {
  return session.projectDir ?? session.cwd ?? session.project;
}

/**
 * The table, top to bottom: filtered, grouped by project, sorted. A group shows its sessions
 * unless folded; while a filter is set every group is unfolded, so a match is never hidden.
 */
export function toTableRows(state: DashboardState): TableRow[] {
  const compare = compareSessions(state.sort);
  const groups = new Map<string, Session[]>();
  for (const session of state.sessions.values()) {
    if (!matchesFilter(session, state.filter)) continue;
    const key = toGroupKey(session);
    groups.set(key, [...(groups.get(key) ?? []), session]);
  }
  const sorted = [...groups.entries()].map(([key, sessions]) => [key, sessions.sort(compare)] as const);
  sorted.sort(([keyA, [a]], [keyB, [b]]) => (a && b ? compare(a, b) : 0) || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0));
  const unfoldAll = state.filter.trim() !== '';
  const rows: TableRow[] = [];
  for (const [group, sessions] of sorted) {
    const collapsed = !unfoldAll && state.collapsed.has(group);
    rows.push({
      kind: 'group',
      key: { kind: 'group', group },
      project: sessions[0]?.project ?? group,
      sessions: sessions.length,
      waiting: sessions.filter((session) => session.status === 'waiting').length,
      costUsd: sessions.reduce((sum, session) => sum + (session.cost?.totalUsd ?? 0), 0),
      collapsed,
    });
    if (!collapsed)
      for (const session of sessions) rows.push({ kind: 'session', key: { kind: 'session', id: session.id }, session });
  }
  return rows;
}
