import { sanitizeTerminalText } from '../shared/terminal-text.js';
import { formatCostUsd } from './session-format.js';
import type { Session } from './session.js';

/**
 * atm's own status line for Claude Code: "Sonnet 4.5 · ctx 31% · $0.19". The daemon renders it
 * so the per-message client parses nothing; `atm statusline` renders the same from the payload
 * alone when the daemon cannot be reached.
 */
export function renderStatusLine(session: Pick<Session, 'model' | 'context' | 'cost'>): string {
  const parts: string[] = [];
  if (session.model !== null) parts.push(sanitizeTerminalText(session.model.displayName));
  if (session.context !== null) parts.push(`ctx ${Math.round(session.context.usedPercent)}%`);
  if (session.cost !== null) parts.push(formatCostUsd(session.cost.totalUsd));
  return parts.length === 0 ? 'atm' : parts.join(' · ');
}
