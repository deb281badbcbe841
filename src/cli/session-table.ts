import type { Session } from '../domain/session.js';
import { formatAgo, formatCostUsd, formatLocation } from '../domain/session-format.js';
import { fitToWidth, sanitizeTerminalText, textWidth } from '../shared/terminal-text.js';

const COLUMNS = ['STATUS', 'PROJECT', 'MODEL', 'CTX', 'COST', 'ACTIVITY', 'PANE'] as const;

/**
 * `atm list` as plain text: one row per session, waiting first, every field stripped of escapes.
 * In a pipe (`width` Infinity) no field is ever cut; on a terminal the table fits its width by
 * cutting long fields, then dropping the least useful columns (see fitColumns).
 */
export function renderSessionTable(
  sessions: readonly Session[],
  options: { now: number; width: number; /** How to name atm in advice (default `atm`). */ atm?: string },
): string {
  if (sessions.length === 0)
    return `No sessions. Start Claude Code in tmux (after \`${options.atm ?? 'atm'} setup\`) and they appear here.`;
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
  const natural = COLUMNS.map((title, i) => Math.max(textWidth(title), ...rows.map((r) => textWidth(r[i] ?? ''))));
  const { shown, widths } = fitColumns(natural, options.width);
  const line = (cells: readonly string[]): string => {
    const text = shown
      .map((column, k) => fitToWidth(cells[column] ?? '', widths[k] ?? 0))
      .join(GAP)
      .trimEnd();
    return Number.isFinite(options.width) ? fitToWidth(text, options.width).trimEnd() : text;
  };
  return [line(COLUMNS), ...rows.map(line)].join('\n');
}

const GAP = '  ';
/** On a terminal too narrow for every column, the long ones are cut to this first… */
const CUT_TO: Readonly<Partial<Record<(typeof COLUMNS)[number], number>>> = { PROJECT: 28, ACTIVITY: 24, PANE: 16 };
/** …then columns go, least useful first. STATUS, PROJECT and ACTIVITY stay. */
const DROP_ORDER: readonly (typeof COLUMNS)[number][] = ['MODEL', 'COST', 'PANE', 'CTX'];

/**
 * Which columns to show, how wide: in a pipe (`width` Infinity) every column at its content's
 * width, nothing cut; on a terminal, long columns cut to CUT_TO, then columns dropped in
 * DROP_ORDER, until the line fits (a terminal narrower than that cuts the line itself).
 */
function fitColumns(natural: readonly number[], width: number): { shown: number[]; widths: number[] } {
  let shown = COLUMNS.map((_, i) => i);
  let widths = [...natural];
  const total = (): number => shown.reduce((sum, i) => sum + (widths[i] ?? 0), 0) + GAP.length * (shown.length - 1);
  if (total() > width) {
    widths = natural.map((w, i) => Math.min(w, Math.max(textWidth(COLUMNS[i] ?? ''), CUT_TO[COLUMNS[i]!] ?? w)));
  }
  for (const name of DROP_ORDER) {
    if (total() <= width) break;
    shown = shown.filter((i) => COLUMNS[i] !== name);
  }
  return { shown, widths: shown.map((i) => widths[i] ?? 0) };
}

function activity(session: Session, now: number): string {
  const since = (iso: string): string => formatAgo(Date.parse(iso), now);
  if (session.tool !== null) return `${session.tool.name} ${since(session.tool.startedAt)}`;
  return `${since(session.lastEventAt)} ago`;
}
