import { describe, expect, it } from 'vitest';
import { resolveColor, type ColorMode } from '../../../src/shared/color-mode.js';

describe('resolveColor: one rule for every command and the dashboard', () => {
  it.each<[string, ColorMode, Record<string, string>, boolean, boolean]>([
    ['a terminal gets colour', 'auto', {}, true, true],
    ['a pipe gets none', 'auto', {}, false, false],
    ['NO_COLOR turns it off on a terminal', 'auto', { NO_COLOR: '1' }, true, false],
    ['an empty NO_COLOR counts as unset (no-color.org)', 'auto', { NO_COLOR: '' }, true, true],
    ['TERM=dumb has no colour', 'auto', { TERM: 'dumb' }, true, false],
    ['FORCE_COLOR colours a pipe', 'auto', { FORCE_COLOR: '1' }, false, true],
    ['an empty FORCE_COLOR forces too', 'auto', { FORCE_COLOR: '' }, false, true],
    ['FORCE_COLOR=0 turns it off', 'auto', { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false turns it off', 'auto', { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR wins over NO_COLOR', 'auto', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['--color=always wins over NO_COLOR', 'always', { NO_COLOR: '1' }, false, true],
    ['--color=never wins over FORCE_COLOR', 'never', { FORCE_COLOR: '3' }, true, false],
  ])('%s', (_name, mode, env, isTTY, expected) => {
    expect(resolveColor({ mode, env, isTTY })).toBe(expected);
  });
});
