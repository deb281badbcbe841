import type { KeyName, ScreenInput } from './screen.js';

/** What a key or mouse event means to the dashboard. */
export type Action =
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'move-to'; readonly where: 'top' | 'bottom' }
  | { readonly type: 'page'; readonly direction: 1 | -1 }
  | { readonly type: 'activate' }
  | { readonly type: 'toggle-detail' }
  | { readonly type: 'toggle-help' }
  | { readonly type: 'cycle-sort' }
  | { readonly type: 'toggle-group' }
  | { readonly type: 'filter-open' }
  | { readonly type: 'filter-type'; readonly text: string }
  | { readonly type: 'filter-backspace' }
  | { readonly type: 'filter-accept' }
  | { readonly type: 'filter-clear' }
  | { readonly type: 'quit' }
  | { readonly type: 'click'; readonly x: number; readonly y: number }
  | { readonly type: 'scroll'; readonly delta: number };

/** The modes that change what a key means. */
export interface KeyContext {
  readonly helpOpen: boolean;
  readonly filterEditing: boolean;
  /** A kept (non-empty) filter: Esc clears it before it quits. */
  readonly filterActive: boolean;
}

export const WHEEL_STEP_ROWS = 3;

/**
 * Maps one input to an action, or null when it means nothing here. With help open, any key
 * closes it (Ctrl-C still quits). While editing the filter, printable characters are text.
 */
export function toAction(input: ScreenInput, context: KeyContext): Action | null {
  if (input.kind === 'click') return { type: 'click', x: input.x, y: input.y };
  if (input.kind === 'wheel')
    return { type: 'scroll', delta: input.direction === 'up' ? -WHEEL_STEP_ROWS : WHEEL_STEP_ROWS };
  if (input.kind === 'key' && input.key === 'ctrl-c') return { type: 'quit' };
  if (context.helpOpen) return { type: 'toggle-help' };
  if (context.filterEditing) {
    return input.kind === 'char' ? { type: 'filter-type', text: input.char } : (FILTER_KEY_ACTIONS[input.key] ?? null);
  }
  if (input.kind === 'char') return CHAR_ACTIONS[input.char] ?? null;
  if (input.key === 'escape') return context.filterActive ? { type: 'filter-clear' } : { type: 'quit' };
  return KEY_ACTIONS[input.key] ?? null;
}

const CHAR_ACTIONS: Readonly<Record<string, Action>> = {
  j: { type: 'move', delta: 1 },
  k: { type: 'move', delta: -1 },
  g: { type: 'move-to', where: 'top' },
  G: { type: 'move-to', where: 'bottom' },
  '/': { type: 'filter-open' },
  s: { type: 'cycle-sort' },
  ' ': { type: 'toggle-group' },
  '?': { type: 'toggle-help' },
  q: { type: 'quit' },
};

const KEY_ACTIONS: Readonly<Partial<Record<KeyName, Action>>> = {
  down: { type: 'move', delta: 1 },
  up: { type: 'move', delta: -1 },
  home: { type: 'move-to', where: 'top' },
  end: { type: 'move-to', where: 'bottom' },
  'page-down': { type: 'page', direction: 1 },
  'page-up': { type: 'page', direction: -1 },
  enter: { type: 'activate' },
  tab: { type: 'toggle-detail' },
};

/** Arrows still move while typing, so a user can pick among matches without leaving the filter. */
const FILTER_KEY_ACTIONS: Readonly<Partial<Record<KeyName, Action>>> = {
  backspace: { type: 'filter-backspace' },
  enter: { type: 'filter-accept' },
  escape: { type: 'filter-clear' },
  down: { type: 'move', delta: 1 },
  up: { type: 'move', delta: -1 },
};

/** Every key, for the help overlay; keep it in step with the maps above (a test checks it). */
export const KEY_HELP: readonly { readonly keys: readonly string[]; readonly meaning: string }[] = [
  { keys: ['j', '↓', 'k', '↑'], meaning: 'move down / up' },
  { keys: ['g', 'Home', 'G', 'End'], meaning: 'first / last row' },
  { keys: ['PgDn', 'PgUp'], meaning: 'page down / up' },
  { keys: ['Enter'], meaning: "jump to the session's tmux pane" },
  { keys: ['Tab'], meaning: 'show / hide the detail panel' },
  { keys: ['/'], meaning: 'filter as you type (Enter keeps, Esc clears)' },
  { keys: ['s'], meaning: 'sort: status, context, cost, recent' },
  { keys: ['Space'], meaning: 'fold / unfold the project group' },
  { keys: ['?'], meaning: 'this help (any key closes it)' },
  { keys: ['q', 'Esc', 'Ctrl-C'], meaning: 'quit (Esc clears a kept filter first)' },
  { keys: ['click', 'wheel'], meaning: 'select a row / scroll' },
];
