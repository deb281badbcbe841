import { createFrame, type Frame } from './frame.js';
import { computeLayout } from './layout.js';
import { renderDetail } from './render-detail.js';
import { renderFooter } from './render-footer.js';
import { renderBanner, renderHeader } from './render-header.js';
import { renderHelp } from './render-help.js';
import { renderTable } from './render-table.js';
import { toDashboardView } from './view-model.js';
import type { DashboardState } from './view-state.js';

/**
 * The whole screen as a frame: a pure function of the state (which holds the size) and the time,
 * so tests and benches can call it directly and a Screen only has to show the result.
 */
export function renderDashboard(state: DashboardState, nowMs: number): Frame {
  const frame = createFrame(state.size.width, state.size.height);
  const layout = computeLayout(state);
  const view = toDashboardView(state, nowMs);
  if (layout.headerY !== null) renderHeader(frame, layout.headerY, view.header, nowMs);
  if (layout.bannerY !== null && view.banner !== null) renderBanner(frame, layout.bannerY, view.banner);
  renderTable(frame, layout, view, nowMs, state.homeDir);
  if (layout.detailTop !== null) renderDetail(frame, layout.detailTop, view.detail, nowMs, state.homeDir);
  if (layout.footerY !== null) renderFooter(frame, layout.footerY, state);
  if (state.showHelp) renderHelp(frame, state.mode);
  return frame;
}
