import type { DashboardState } from './view-state.js';

/** Rows of the detail panel: a title rule and six lines of facts. */
export const DETAIL_HEIGHT = 7;
/** The detail panel only shows when the table keeps at least this many rows. */
const MIN_TABLE_WITH_DETAIL = 5;

/** Where each part of the screen goes; null means "no room" or "not shown". */
export interface Layout {
  readonly headerY: number | null;
  readonly bannerY: number | null;
  readonly columnsY: number | null;
  readonly tableTop: number;
  readonly tableHeight: number;
  readonly detailTop: number | null;
  readonly footerY: number | null;
}

/** The red banner shows while the daemon is gone, including while a reconnect is in flight. */
export function hasBanner(state: DashboardState): boolean {
  return state.connection.kind === 'disconnected' || (state.connection.kind === 'connecting' && state.hasConnected);
}

/** Lays the screen out top to bottom; parts drop out, least useful first, as the height shrinks. */
export function computeLayout(state: DashboardState): Layout {
  const height = Math.max(0, state.size.height);
  const headerY = height >= 1 ? 0 : null;
  const footerY = height >= 2 ? height - 1 : null;
  let y = headerY === null ? 0 : 1;
  const bannerY = hasBanner(state) && height >= 3 ? y++ : null;
  const columnsY = height - y - 1 >= 3 ? y++ : null;
  const bottom = footerY ?? height;
  const room = Math.max(0, bottom - y);
  const showDetail = state.showDetail && room - DETAIL_HEIGHT >= MIN_TABLE_WITH_DETAIL;
  const tableHeight = showDetail ? room - DETAIL_HEIGHT : room;
  return {
    headerY,
    bannerY,
    columnsY,
    tableTop: y,
    tableHeight,
    detailTop: showDetail ? y + tableHeight : null,
    footerY,
  };
}
