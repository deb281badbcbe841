import { fillRow, putText, type Frame } from './frame.js';
import { THEME } from './theme.js';
import type { DashboardState } from './view-state.js';

type Hint = readonly [key: string, label: string];

/**
 * The bottom line: while typing a filter, the filter and its keys; after a failed action, the
 * notice; otherwise key hints, as many as fit.
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
    putText(frame, 0, y, state.notice, THEME.notice);
    return;
  }
  let x = 0;
  if (state.filter !== '') {
    x = putText(frame, x, y, `filter: ${state.filter}`, THEME.filter);
    x += 2;
  }
  const enter: Hint = ['Enter', state.mode === 'pick' ? 'jump & exit' : 'jump'];
  putHints(frame, x, y, [
    ['↑↓', 'move'],
    enter,
    ['/', 'filter'],
    ['s', `sort: ${state.sort}`],
    ['Space', 'fold'],
    ['Tab', 'detail'],
    ['?', 'help'],
    ['q', 'quit'],
  ]);
}

/** Writes `key label` pairs while whole pairs fit; a cut hint would only confuse. */
function putHints(frame: Frame, startX: number, y: number, hints: readonly Hint[]): void {
  let x = startX;
  for (const [key, label] of hints) {
    const width = [...key].length + 1 + [...label].length;
    if (x + width > frame.width) return;
    x = putText(frame, x, y, key, THEME.key);
    x = putText(frame, x + 1, y, label, THEME.label) + 2;
  }
}
