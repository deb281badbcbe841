import { computeLayout } from './layout.js';
import { toGroupKey, toTableRows, type TableRow } from './table-rows.js';
import { isSameRow, type DashboardState, type RowKey } from './view-state.js';

export function indexOfRow(rows: readonly TableRow[], key: RowKey | null): number {
  return key === null ? -1 : rows.findIndex((row) => isSameRow(row.key, key));
}

/** The first session row (what Enter should act on), else the first row, else -1. */
export function firstSessionIndex(rows: readonly TableRow[]): number {
  const index = rows.findIndex((row) => row.kind === 'session');
  return index >= 0 ? index : rows.length > 0 ? 0 : -1;
}

const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(high, value));

/** Where a selection that is no longer in the table should land. */
function fallbackIndex(prev: DashboardState, next: DashboardState, rows: readonly TableRow[]): number {
  const selected = next.selected;
  if (selected === null) return firstSessionIndex(rows);
  if (selected.kind === 'session') {
    // Folded away: the group that now hides it is the natural place to stay.
    const session = next.sessions.get(selected.id) ?? prev.sessions.get(selected.id);
    const groupIndex = session === undefined ? -1 : indexOfRow(rows, { kind: 'group', group: toGroupKey(session) });
    if (groupIndex >= 0 && next.sessions.has(selected.id)) return groupIndex;
  }
  // Gone: stay at the same height in the table, so the cursor does not jump to the top.
  const before = indexOfRow(toTableRows(prev), selected);
  return before < 0 ? firstSessionIndex(rows) : clamp(before, 0, rows.length - 1);
}

/** Scrolls just enough that row `index` is on screen, and never past the last row. */
export function keepVisible(scrollTop: number, index: number, tableHeight: number, rowCount: number): number {
  const maxTop = Math.max(0, rowCount - Math.max(1, tableHeight));
  if (index < 0 || tableHeight <= 0) return clamp(scrollTop, 0, maxTop);
  const top = index < scrollTop ? index : index >= scrollTop + tableHeight ? index - tableHeight + 1 : scrollTop;
  return clamp(top, 0, maxTop);
}

/**
 * Re-establishes the invariants after any change: the selection names a row that exists (kept by
 * identity through re-sorting and updates) and that row is on screen.
 */
export function settleSelection(prev: DashboardState, next: DashboardState): DashboardState {
  const rows = toTableRows(next);
  const found = indexOfRow(rows, next.selected);
  const index = found >= 0 ? found : fallbackIndex(prev, next, rows);
  const selected = rows[index]?.key ?? null;
  const scrollTop = keepVisible(next.scrollTop, index, computeLayout(next).tableHeight, rows.length);
  return isSameRow(selected, next.selected) && scrollTop === next.scrollTop ? next : { ...next, selected, scrollTop };
}
