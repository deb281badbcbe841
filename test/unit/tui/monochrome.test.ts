import { describe, expect, it } from 'vitest';
import { toMonochromeStyle } from '../../../src/tui/monochrome.js';
import { STATE_BADGE_STYLE, STATUS_STYLE, THEME } from '../../../src/tui/theme.js';

describe('toMonochromeStyle (the dashboard under NO_COLOR)', () => {
  it.each([
    ['a foreground colour goes, bold stays', STATUS_STYLE.waiting, { bold: true }],
    ['a plain colour leaves plain text', STATUS_STYLE.working, {}],
    ['the waiting badge (a background) turns inverse', STATE_BADGE_STYLE.waiting, { bold: true, inverse: true }],
    ['the banner stays marked: inverse and bold', THEME.banner, { bold: true, inverse: true }],
    [
      'a selected badge flips back, keeping bold',
      { ...THEME.waitingBadge, inverse: true },
      { bold: true, inverse: false },
    ],
    ['dim stays', THEME.dim, { dim: true }],
  ])('%s', (_name, style, expected) => {
    expect(toMonochromeStyle(style)).toEqual(expected);
  });
});
