import type { Session } from '../domain/session.js';
import { assertNever } from '../shared/assert-never.js';
import { formatAgo, formatCostUsd, formatLocation } from '../domain/session-format.js';
import { activitySince, describeActivity, wrapToWidth } from './format.js';
import { putText, restyle, type Frame } from './frame.js';
import type { Layout } from './layout.js';
import { putContext, putCost, putInColumn, putName } from './render-cells.js';
import { placeColumns, type PlacedColumn } from './table-columns.js';
import { toContentWidths } from './table-content.js';
import type { GroupRow } from './table-rows.js';
import { DIMMED, SELECTED, STATE_BADGE_STYLE, STATUS_GLYPH, STATUS_STYLE, THEME } from './theme.js';
import type { DashboardView } from './view-model.js';

/** Column titles, the visible rows (selected one in reverse video), or the empty-table message. */
export function renderTable(
  frame: Frame,
  layout: Layout,
  view: DashboardView,
  nowMs: number,
  homeDir: string | null,
): void {
  const columns = placeColumns(
    frame.width,
    toContentWidths(
      view.rows.map(({ row }) => row),
      nowMs,
      homeDir,
    ),
  );
  if (layout.columnsY !== null) {
    for (const column of columns)
      putInColumn(frame, column.x, layout.columnsY, column.width, column.title, THEME.columnTitle, column.align);
  }
  if (view.emptyMessage !== null && layout.tableHeight > 0) {
    // One blank row above it when there is room; wrapped, so a narrow screen keeps the advice whole.
    const top = layout.tableTop + Math.min(1, layout.tableHeight - 1);
    const rows = layout.tableTop + layout.tableHeight - top;
    wrapToWidth(view.emptyMessage, Math.max(1, frame.width - 4))
      .slice(0, rows)
      .forEach((line, i) => putText(frame, 2, top + i, line, THEME.dim, frame.width - 4));
    return;
  }
  view.rows.forEach(({ row, selected }, i) => {
    const y = layout.tableTop + i;
    if (row.kind === 'group') renderGroupRow(frame, y, row);
    else for (const column of columns) renderSessionCell(frame, y, column, row.session, nowMs, homeDir);
    // Reverse video across the whole width, blanks included, so the selection reads as a bar.
    if (selected) restyle(frame, y, SELECTED);
    if (view.dimmed) restyle(frame, y, DIMMED);
  });
}

function renderGroupRow(frame: Frame, y: number, row: GroupRow): void {
  const fold = row.collapsed ? '▸' : '▾';
  let x = putText(frame, 0, y, `${fold} `, THEME.group);
  x = putText(frame, x, y, row.project, THEME.group, frame.width - x);
  const count = `  ${row.sessions} session${row.sessions === 1 ? '' : 's'}`;
  x = putText(frame, x, y, count, THEME.label, frame.width - x);
  if (row.waiting > 0) x = putText(frame, x, y, ` · ${row.waiting} waiting`, THEME.groupWaiting, frame.width - x);
  if (row.costUsd > 0) putText(frame, x, y, ` · ${formatCostUsd(row.costUsd)}`, THEME.label, frame.width - x);
}

function renderSessionCell(
  frame: Frame,
  y: number,
  column: PlacedColumn,
  session: Session,
  nowMs: number,
  homeDir: string | null,
): void {
  const { x, width, align } = column;
  switch (column.id) {
    case 'status':
      return putInColumn(frame, x, y, width, `  ${STATUS_GLYPH[session.status]}`, STATUS_STYLE[session.status]);
    case 'name':
      return putName(frame, x, y, width, session, homeDir);
    case 'state':
      return putInColumn(frame, x, y, width, session.status, STATE_BADGE_STYLE[session.status]);
    case 'model':
      return putInColumn(frame, x, y, width, session.model?.displayName ?? '—', session.model ? {} : THEME.dim);
    case 'context':
      return putContext(frame, x, y, width, session);
    case 'cost':
      return putCost(frame, x, y, width, session);
    case 'activity': {
      const style = session.status === 'waiting' ? STATUS_STYLE.waiting : session.status === 'idle' ? THEME.dim : {};
      return putInColumn(frame, x, y, width, describeActivity(session), style);
    }
    case 'ago':
      return putInColumn(frame, x, y, width, formatAgo(activitySince(session), nowMs), THEME.label, align);
    case 'where':
      return putInColumn(frame, x, y, width, formatLocation(session.tmux), THEME.label);
    default:
      return assertNever(column.id, 'column');
  }
}
