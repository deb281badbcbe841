import { textWidth } from '../shared/terminal-text.js';
import { fillRow, putText, type Frame } from './frame.js';
import { THEME } from './theme.js';
import { unreadableWarnings } from './view-model.js';
import type { DashboardState } from './view-state.js';

type Hint = readonly [key: string, label: string];

/**
 * The bottom line: while typing a filter, the filter and its keys; after a failed action, the
 * notice; otherwise the kept filter, the word on sessions not shown (the longest version that
 * leaves room for `? help  q quit`), and key hints, as many as fit.
 */
export function renderFooter(frame: Frame, y: number, state: DashboardState): void {
  fillRow(frame, y, {});
  if (state.filterEditing) {
    let x = putText(frame, 0, y, `/${state.filter}`, THEME.filter);
    x = putText(frame, x, y, '▏', THEME.filter);
    putHints(frame, x + 2, y, [
      ['Enter', 'keep'],
      ['Esc', 'clear'],
      ['↑↓', 'move'],
    ]);
    return;
  }
  if (state.notice !== null) {
    putText(frame, 0, y, state.notice.text, state.notice.tone === 'error' ? THEME.error : THEME.info);
    return;
  }
  let x = 0;
  if (state.filter !== '') {
    x = putText(frame, x, y, `filter: ${state.filter}`, THEME.filter);
    x += 2;
  }
  const warnings = unreadableWarnings(state);
  if (warnings.length > 0) {
    const room = frame.width - x - KEPT_HINTS_WIDTH;
    const warning = warnings.find((text) => textWidth(text) <= room) ?? warnings[warnings.length - 1] ?? '';
    x = putText(frame, x, y, warning, THEME.warning, frame.width - x) + 2;
  }
  const enter: Hint = ['Enter', state.mode === 'pick' ? 'jump & exit' : 'jump'];
  putHints(
    frame,
    x,
    y,
    [
      ['↑↓', 'move'],
      enter,
      ['/', 'filter'],
      ['s', `sort: ${state.sort}`],
      ['Space', 'fold'],
      ['Tab', 'detail'],
      ['?', 'help'],
      ['q', 'quit'],
    ],
    DROP_ORDER,
  );
}

/** The width of `? help  q quit` and the gap before it: the hints kept to the last. */
const KEPT_HINTS_WIDTH = 2 + textWidth('? help  q quit');

/** Hints dropped first when the line is short: the quit and help keys stay to the last. */
const DROP_ORDER: readonly string[] = ['Space', 'Tab', 's', '/', '↑↓', 'Enter', '?'];

/**
 * Writes `key label` pairs in order, whole pairs only (a cut hint would only confuse): when they
 * do not all fit, the keys in `dropOrder` go first, so `q quit` is the last to go.
 */
function putHints(
  frame: Frame,
  startX: number,
  y: number,
  hints: readonly Hint[],
  dropOrder: readonly string[] = [],
): void {
  const widthOf = ([key, label]: Hint): number => textWidth(key) + 1 + textWidth(label) + 2;
  let shown = [...hints];
  for (const key of dropOrder) {
    if (startX + shown.reduce((sum, hint) => sum + widthOf(hint), 0) - 2 <= frame.width) break;
    shown = shown.filter(([k]) => k !== key);
  }
  let x = startX;
  for (const hint of shown) {
    if (x + widthOf(hint) - 2 > frame.width) return;
    x = putText(frame, x, y, hint[0], THEME.key);
    x = putText(frame, x + 1, y, hint[1], THEME.label) + 2;
  }
}
