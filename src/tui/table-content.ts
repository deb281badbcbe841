import type { Session } from '../domain/session.js';
import { formatAgo, formatCostUsd, formatLocation } from '../domain/session-format.js';
import { sanitizeTerminalText, textWidth } from '../shared/terminal-text.js';
import { abbreviateHome, activitySince, describeActivity } from './format.js';
import type { ContentWidths } from './table-columns.js';
import type { TableRow } from './table-rows.js';

const width = (text: string): number => textWidth(sanitizeTerminalText(text));

/**
 * How wide each column's content is over the rows on screen, so the table sizes its columns by
 * what they hold (a long tmux name is not cut while ACTIVITY pads with blanks). Pure.
 */
export function toContentWidths(rows: readonly TableRow[], nowMs: number, homeDir: string | null): ContentWidths {
  const widths: Record<string, number> = {};
  const grow = (id: keyof ContentWidths, text: string): void => {
    widths[id] = Math.max(widths[id] ?? 0, width(text));
  };
  for (const row of rows) {
    if (row.kind !== 'session') continue;
    const session: Session = row.session;
    const place = session.branch ?? (session.cwd === null ? '' : abbreviateHome(session.cwd, homeDir));
    grow('name', place === '' ? session.project : `${session.project} ${place}`);
    grow('state', session.status);
    grow('model', session.model?.displayName ?? '—');
    if (session.context !== null) grow('context', '████████████ 100%'); // room for a bar
    grow('cost', session.cost === null ? '—' : formatCostUsd(session.cost.totalUsd));
    grow('activity', describeActivity(session));
    grow('ago', formatAgo(activitySince(session), nowMs));
    grow('where', formatLocation(session.tmux));
  }
  return widths;
}
