import type { PaneId } from '../domain/ids.js';
import { assertNever } from '../shared/assert-never.js';
import type { Action } from './keymap.js';
import { computeLayout } from './layout.js';
import type { ScreenSize } from './screen.js';
import { firstSessionIndex, indexOfRow, settleSelection } from './selection.js';
import type { FeedEvent } from './session-source.js';
import { toGroupKey, toTableRows, type TableRow } from './table-rows.js';
import { applyFeedEvent } from './update-feed.js';
import { SORT_MODES, type DashboardState } from './view-state.js';

/**
 * Exit statuses of runDashboard. Quitting the dashboard is success. In pick mode, leaving without
 * jumping (q, Esc, Ctrl-C) is "cancelled" (1), so `atm pick && …` only continues when a pane was
 * picked. An aborted run (the CLI's SIGTERM/SIGHUP) is "interrupted" (130, as shells report ^C).
 */
export const EXIT_CODES = { ok: 0, cancelled: 1, interrupted: 130 } as const;

export type Message =
  | Action
  | { readonly type: 'feed'; readonly event: FeedEvent }
  | { readonly type: 'resize'; readonly size: ScreenSize }
  | { readonly type: 'jump-failed'; readonly message: string }
  /** The pane is on another tmux server, or the dashboard runs outside tmux: say what to run. */
  | { readonly type: 'jump-elsewhere'; readonly command: string };

/** What the shell must do after a message: the reducer itself never touches the world. */
export type Effect =
  | { readonly type: 'jump'; readonly pane: PaneId; readonly server: string | null; readonly exitAfter: boolean }
  | { readonly type: 'exit'; readonly code: number };

export interface Transition {
  readonly state: DashboardState;
  readonly effects: readonly Effect[];
}

/** The dashboard's one state transition: (state, message) -> (state, effects). Pure. */
export function update(state: DashboardState, message: Message): Transition {
  const { state: next, effects = [] } = step(state, message);
  return { state: settleSelection(state, next), effects };
}

type Step = { state: DashboardState; effects?: Effect[] };

function step(state: DashboardState, message: Message): Step {
  if (message.type === 'feed') return { state: applyFeedEvent(state, message.event) };
  if (message.type === 'resize') return { state: { ...state, size: message.size } };
  if (message.type === 'jump-failed') return { state: { ...state, notice: { text: message.message, tone: 'error' } } };
  if (message.type === 'jump-elsewhere') {
    const text = `That pane is on another tmux server; to see it, run: ${message.command}`;
    return { state: { ...state, notice: { text, tone: 'info' } } };
  }
  // Any user action dismisses the last notice.
  return applyAction({ ...state, notice: null }, message);
}

function applyAction(state: DashboardState, action: Action): Step {
  const rows = toTableRows(state);
  const index = indexOfRow(rows, state.selected);
  const select = (at: number): Step => ({
    state: { ...state, selected: rows[Math.max(0, Math.min(rows.length - 1, at))]?.key ?? null },
  });
  const layout = computeLayout(state);
  switch (action.type) {
    case 'move':
      return select(index + action.delta);
    case 'move-to':
      return select(action.where === 'top' ? 0 : rows.length - 1);
    case 'page':
      return select(index + action.direction * Math.max(1, layout.tableHeight - 1));
    case 'activate':
      return activate(state, rows[index]);
    case 'toggle-detail':
      return { state: { ...state, showDetail: !state.showDetail } };
    case 'toggle-help':
      return { state: { ...state, showHelp: !state.showHelp } };
    case 'cycle-sort': {
      const next = SORT_MODES[(SORT_MODES.indexOf(state.sort) + 1) % SORT_MODES.length] ?? 'status';
      return { state: { ...state, sort: next } };
    }
    case 'toggle-group':
      return toggleGroup(state, rows[index]);
    case 'filter-open':
      return { state: { ...state, filterEditing: true } };
    case 'filter-type':
      return withFirstMatch({ ...state, filter: state.filter + action.text });
    case 'filter-backspace':
      return withFirstMatch({ ...state, filter: Array.from(state.filter).slice(0, -1).join('') });
    case 'filter-accept':
      return withFirstMatch({ ...state, filterEditing: false });
    case 'filter-clear':
      return { state: { ...state, filter: '', filterEditing: false } };
    case 'quit':
      return { state, effects: [{ type: 'exit', code: state.mode === 'pick' ? EXIT_CODES.cancelled : EXIT_CODES.ok }] };
    case 'click': {
      const inTable = action.y >= layout.tableTop && action.y < layout.tableTop + layout.tableHeight;
      const at = state.scrollTop + action.y - layout.tableTop;
      return inTable && at < rows.length ? select(at) : { state };
    }
    case 'scroll': {
      const maxTop = Math.max(0, rows.length - layout.tableHeight);
      const scrollTop = Math.max(0, Math.min(maxTop, state.scrollTop + action.delta));
      const kept = Math.max(scrollTop, Math.min(scrollTop + layout.tableHeight - 1, index));
      return { state: { ...state, scrollTop, selected: rows[kept]?.key ?? state.selected } };
    }
    default:
      return assertNever(action, 'action');
  }
}

function withFirstMatch(state: DashboardState): Step {
  const rows = toTableRows(state);
  return { state: { ...state, selected: rows[firstSessionIndex(rows)]?.key ?? null } };
}

function activate(state: DashboardState, row: TableRow | undefined): Step {
  if (row === undefined) return { state };
  if (row.kind === 'group') return toggleGroup(state, row);
  const tmux = row.session.tmux;
  if (tmux === null)
    return { state: { ...state, notice: { text: 'This session does not run in a tmux pane.', tone: 'error' } } };
  return { state, effects: [{ type: 'jump', pane: tmux.pane, server: tmux.server, exitAfter: state.mode === 'pick' }] };
}

/** Folds the selected group (or the selected session's group) and keeps the cursor on its header. */
function toggleGroup(state: DashboardState, row: TableRow | undefined): Step {
  if (row === undefined) return { state };
  const group = row.kind === 'group' ? row.key.group : toGroupKey(row.session);
  const collapsed = new Set(state.collapsed);
  if (!collapsed.delete(group)) collapsed.add(group);
  return { state: { ...state, collapsed, selected: { kind: 'group', group } } };
}
