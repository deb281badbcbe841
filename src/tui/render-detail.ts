import type { Session } from '../domain/session.js';
import { sanitizeTerminalText, truncateToWidth } from '../shared/terminal-text.js';
import { formatAgo, formatCostUsd, formatDuration, formatLocation, formatTokens } from '../domain/session-format.js';
import { abbreviateHome, activitySince, describeWaiting } from './format.js';
import { putText, type Frame } from './frame.js';
import { DETAIL_HEIGHT } from './layout.js';
import { STATUS_STYLE, THEME } from './theme.js';

const LABEL_WIDTH = 9;

/** The facts about the selected session, one labelled line each, under a title rule. */
function detailLines(session: Session, nowMs: number, homeDir: string | null): [label: string, value: string][] {
  const context = session.context;
  const cost = session.cost;
  const tokens =
    context === null
      ? 'tokens —'
      : `tokens ${formatTokens(context.usedTokens)} / ${formatTokens(context.windowSize)} (${Math.round(context.usedPercent)}%)`;
  const tool =
    session.tool === null
      ? '—'
      : `${session.tool.name}${session.tool.summary ? `: ${session.tool.summary}` : ''} · ${formatAgo(activitySince(session), nowMs)} ago`;
  const status =
    session.status === 'waiting'
      ? `${describeWaiting(session.waitingFor)} · since ${formatAgo(Date.parse(session.lastEventAt), nowMs)}`
      : session.status;
  return [
    [
      'cwd',
      `${session.cwd === null ? '—' : abbreviateHome(session.cwd, homeDir)}${session.branch === null ? '' : ` · branch ${session.branch}`}`,
    ],
    ['model', `${session.model?.displayName ?? '—'} · ${tokens}`],
    [
      'cost',
      cost === null
        ? '—'
        : `${formatCostUsd(cost.totalUsd)} · lines +${cost.linesAdded} −${cost.linesRemoved} · duration ${formatDuration(cost.durationMs)}`,
    ],
    ['tool', tool],
    ['status', `${status}${session.subagents > 0 ? ` · ${session.subagents} subagents` : ''}`],
    ['process', `pid ${session.pid ?? '—'} · pane ${formatLocation(session.tmux) || '—'} · ${session.id}`],
  ];
}

export function renderDetail(
  frame: Frame,
  top: number,
  session: Session | null,
  nowMs: number,
  homeDir: string | null,
): void {
  const title = session === null ? ' detail ' : ` ${truncateToWidth(sanitizeTerminalText(session.project), 40)} `;
  const x = putText(frame, 0, top, `──${title}`, THEME.label);
  putText(frame, x, top, '─'.repeat(Math.max(0, frame.width - x)), THEME.label);
  if (session === null) {
    putText(frame, 2, top + 1, 'Select a session to see its details.', THEME.dim);
    return;
  }
  detailLines(session, nowMs, homeDir)
    .slice(0, DETAIL_HEIGHT - 1)
    .forEach(([label, value], i) => {
      const y = top + 1 + i;
      putText(frame, 1, y, label, THEME.label, LABEL_WIDTH);
      const style = label === 'status' ? STATUS_STYLE[session.status] : {};
      putText(
        frame,
        1 + LABEL_WIDTH,
        y,
        truncateToWidth(sanitizeTerminalText(value), frame.width - LABEL_WIDTH - 2),
        style,
      );
    });
}
