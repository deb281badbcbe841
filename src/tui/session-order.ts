import type { Session, SessionStatus } from '../domain/session.js';
import { assertNever } from '../shared/assert-never.js';
import type { SortMode } from './view-state.js';

const STATUS_RANK: Record<SessionStatus, number> = { waiting: 0, working: 1, idle: 2 };

const timeMs = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

/** Descending, with "unknown" (null) last. */
const byNumberDesc = (a: number | null, b: number | null): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return b - a;
};

/** Ties end on start time then id, so equal sessions never swap places between renders. */
const byStable = (a: Session, b: Session): number =>
  timeMs(a.startedAt) - timeMs(b.startedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const byStatus = (a: Session, b: Session): number => STATUS_RANK[a.status] - STATUS_RANK[b.status];

/** The session order for a sort mode; groups are ordered by their first session in this order. */
export function compareSessions(mode: SortMode): (a: Session, b: Session) => number {
  switch (mode) {
    case 'status':
      return (a, b) => byStatus(a, b) || byStable(a, b);
    case 'context':
      return (a, b) =>
        byNumberDesc(a.context?.usedPercent ?? null, b.context?.usedPercent ?? null) ||
        byStatus(a, b) ||
        byStable(a, b);
    case 'cost':
      return (a, b) =>
        byNumberDesc(a.cost?.totalUsd ?? null, b.cost?.totalUsd ?? null) || byStatus(a, b) || byStable(a, b);
    case 'recent':
      return (a, b) => timeMs(b.lastEventAt) - timeMs(a.lastEventAt) || byStable(a, b);
    default:
      return assertNever(mode, 'sort mode');
  }
}
