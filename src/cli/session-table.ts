import type { Session } from '../domain/session.js';
import { formatAgo, formatCostUsd, formatLocation } from '../domain/session-format.js';
import { fitToWidth, sanitizeTerminalText, textWidth } from '../shared/terminal-text.js';

const COLUMNS = ['STATUS', 'PROJECT', 'MODEL', 'CTX', 'COST', 'ACTIVITY', 'PANE'] as const;

/**
 * `atm list` as plain text: one row per session, waiting first, every field stripped of escapes.
 * Lines are cut to `width` (a terminal's); `Infinity` cuts nothing (a pipe).
 */
export function renderSessionTable(sessions: readonly Session[], options: { now: number; width: number }): string {
  if (sessions.length === 0) return 'No sessions. Start Claude Code in tmux (after `atm setup`) and they appear here.';
  const order = { waiting: 0, working: 1, idle: 2 } as const;
  const rows = [...sessions]
    .sort((a, b) => order[a.status] - order[b.status] || a.project.localeCompare(b.project))
    .map((s) =>
      [
        s.status === 'waiting' ? `waiting:${s.waitingFor ?? '?'}` : s.status,
        s.branch === null ? s.project : `${s.project} (${s.branch})`,
        s.model?.displayName ?? '-',
        s.context === null ? '-' : `${Math.round(s.context.usedPercent)}%`,
        s.cost === null ? '-' : formatCostUsd(s.cost.totalUsd),
        activity(s, options.now),
        s.tmux === null ? '-' : formatLocation(s.tmux),
      ].map((cell) => sanitizeTerminalText(cell)),
    );
  const widths = COLUMNS.map((title, i) =>
    Math.min(40, Math.max(textWidth(title), ...rows.map((r) => textWidth(r[i] ?? '')))),
  );
  const line = (cells: readonly string[]): string => {
    const text = cells
      .map((cell, i) => fitToWidth(cell, widths[i] ?? 10))
      .join('  ')
      .trimEnd();
    return Number.isFinite(options.width) ? fitToWidth(text, options.width).trimEnd() : text;
  };
  return [line(COLUMNS), ...rows.map(line)].join('\n');
}

function activity(session: Session, now: number): string {
  const since = (iso: string): string => formatAgo(Date.parse(iso), now);
  if (session.tool !== null) return `${session.tool.name} ${since(session.tool.startedAt)}`;
  return `${since(session.lastEventAt)} ago`;
}
