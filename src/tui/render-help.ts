import { fillRow, putText, type Frame } from './frame.js';
import { KEY_HELP } from './keymap.js';
import { THEME } from './theme.js';
import type { DashboardMode } from './view-state.js';

const KEY_COLUMN = 16;

/** A box in the middle of the screen listing every key (from KEY_HELP, the keymap's own list). */
export function renderHelp(frame: Frame, mode: DashboardMode): void {
  const lines = KEY_HELP.map(({ keys, meaning }) => {
    const pickEnter = mode === 'pick' && keys.includes('Enter');
    return [keys.join(' '), pickEnter ? `${meaning} and exit` : meaning] as const;
  });
  const width = Math.min(frame.width, 66);
  const height = Math.min(frame.height, lines.length + 4);
  const left = Math.floor((frame.width - width) / 2);
  const top = Math.floor((frame.height - height) / 2);
  for (let y = top; y < top + height; y += 1) fillRow(frame, y, THEME.helpBox, left, width);
  putText(frame, left + 2, top, 'Keys', { ...THEME.helpKey, underline: true }, width - 4);
  lines.slice(0, Math.max(0, height - 4)).forEach(([keys, meaning], i) => {
    const y = top + 2 + i;
    putText(frame, left + 2, y, keys, THEME.helpKey, KEY_COLUMN);
    putText(frame, left + 2 + KEY_COLUMN, y, meaning, THEME.helpBox, width - KEY_COLUMN - 3);
  });
  if (height >= 4) putText(frame, left + 2, top + height - 1, 'Press any key to close', THEME.helpBox, width - 4);
}
