import type { Session } from '../domain/session.js';
import { sanitizeTerminalText, textWidth, truncateStartToWidth, truncateToWidth } from '../shared/terminal-text.js';
import { formatCostUsd } from '../domain/session-format.js';
import { abbreviateHome, toContextLevel } from './format.js';
import { putText, type Frame, type Style } from './frame.js';
import { CONTEXT_STYLE, THEME } from './theme.js';

/** Writes text in a column of `width` cells, truncated with an ellipsis and aligned. */
export function putInColumn(
  frame: Frame,
  x: number,
  y: number,
  width: number,
  text: string,
  style: Style,
  align: 'left' | 'right' = 'left',
): void {
  if (width <= 0) return;
  const cut = truncateToWidth(sanitizeTerminalText(text), width);
  putText(frame, align === 'right' ? x + width - textWidth(cut) : x, y, cut, style, width);
}

/** The name column: the project in bold, then where it runs (the cwd, its tail kept when cut). */
export function putName(
  frame: Frame,
  x: number,
  y: number,
  width: number,
  session: Session,
  homeDir: string | null,
): void {
  const project = truncateToWidth(sanitizeTerminalText(session.project), width);
  const end = putText(frame, x, y, project, THEME.project, width);
  const room = x + width - end - 1;
  if (room < 4) return;
  // The branch says more than a path under the project, which the detail panel shows anyway.
  if (session.branch !== null) {
    putText(frame, end + 1, y, truncateToWidth(sanitizeTerminalText(session.branch), room), THEME.path, room);
    return;
  }
  if (session.cwd === null) return;
  const cwd = abbreviateHome(sanitizeTerminalText(session.cwd), homeDir);
  putText(frame, end + 1, y, truncateStartToWidth(cwd, room), THEME.path, room);
}

const BAR_FULL = '█';
const BAR_EMPTY = '░';

/** `████░░░░  52%` when there is room for a bar, else just the percentage; coloured at 70 / 90 %. */
export function putContext(frame: Frame, x: number, y: number, width: number, session: Session): void {
  if (session.context === null) {
    putInColumn(frame, x, y, width, '—', THEME.dim, 'right');
    return;
  }
  const percent = Math.round(session.context.usedPercent);
  const style = CONTEXT_STYLE[toContextLevel(session.context.usedPercent)];
  const label = `${percent}%`.padStart(4);
  const barWidth = width - label.length - 1;
  if (barWidth < 4) {
    putInColumn(frame, x, y, width, label, style, 'right');
    return;
  }
  const filled = Math.min(barWidth, Math.round((Math.min(100, percent) / 100) * barWidth));
  putText(frame, x, y, BAR_FULL.repeat(filled), style, barWidth);
  putText(frame, x + filled, y, BAR_EMPTY.repeat(barWidth - filled), THEME.dim, barWidth - filled);
  putText(frame, x + barWidth + 1, y, label, style, label.length);
}

export function putCost(frame: Frame, x: number, y: number, width: number, session: Session): void {
  const text = session.cost === null ? '—' : formatCostUsd(session.cost.totalUsd);
  putInColumn(frame, x, y, width, text, session.cost === null ? THEME.dim : {}, 'right');
}
