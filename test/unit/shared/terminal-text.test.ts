import { describe, expect, it } from 'vitest';
import {
  codePointWidth,
  fitToWidth,
  sanitizeTerminalText,
  textWidth,
  toTextCells,
  truncateStartToWidth,
  truncateToWidth,
} from '../../../src/shared/terminal-text.js';

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
/** True when nothing a terminal would interpret (C0, DEL, C1, bidi controls) is left. */
const isInert = (text: string): boolean =>
  [...text].every((char) => {
    const cp = char.codePointAt(0) ?? 0;
    return cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f) && !BIDI.has(cp);
  });

describe('sanitizeTerminalText', () => {
  it.each([
    ['plain text stays', 'hello world', 'hello world'],
    ['unicode stays', 'café 世界 🚀', 'café 世界 🚀'],
    ['CSI SGR', 'a\x1b[31mred\x1b[0m', 'ared'],
    ['CSI clear screen', 'x\x1b[2Jy', 'xy'],
    ['CSI with private params and intermediates', 'a\x1b[?1049hb\x1b[1 qc', 'abc'],
    ['OSC title, BEL-terminated', 'a\x1b]0;pwned\x07b', 'ab'],
    ['OSC title, ST-terminated', 'a\x1b]2;pwned\x1b\\b', 'ab'],
    ['OSC 8 hyperlink', '\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\', 'link'],
    ['OSC 52 clipboard', 'a\x1b]52;c;cm0gLXJmIC8K\x07b', 'ab'],
    ['unterminated OSC swallows the rest', 'a\x1b]0;pwned', 'a'],
    ['DCS', 'a\x1bP1$r0m\x1b\\b', 'ab'],
    ['APC', 'a\x1b_Gf=100;AAAA\x1b\\b', 'ab'],
    ['PM and SOS', 'a\x1b^pm\x1b\\b\x1bXsos\x1b\\c', 'abc'],
    ['C1 CSI', 'a\u009b2Jb', 'ab'],
    ['C1 CSI with SGR', 'a\u009b31mb', 'ab'],
    ['C1 OSC to C1 ST', 'a\u009d0;pwned\u009cb', 'ab'],
    ['C1 DCS and APC', 'a\u0090x\u009cb\u009fy\u009cc', 'abc'],
    ['other C1 controls', 'a\u0084b\u008ec', 'abc'],
    ['full reset ESC c', 'a\x1bcb', 'ab'],
    ['charset ESC ( 0', 'a\x1b(0b', 'ab'],
    ['save cursor ESC 7', 'a\x1b7b', 'ab'],
    ['lone ESC at end', 'abc\x1b', 'abc'],
    ['ESC before a non-ASCII char', 'a\x1bé', 'aé'],
    ['double ESC', 'a\x1b\x1b[31mb', 'ab'],
    ['C0 controls removed', 'a\x00b\x07c\x08d\x7fe', 'abcde'],
    ['tabs and newlines become spaces', 'a\tb\nc\r\nd', 'a b c  d'],
    ['unicode line separators become spaces', 'a\u2028b\u0085c', 'a b c'],
    ['bidi overrides removed', 'abc\u202edcba\u202c \u2066x\u2069\u200f', 'abcdcba x'],
    ['lone surrogate replaced', 'a\ud800b', 'a\ufffdb'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    const out = sanitizeTerminalText(input);
    expect(out).toBe(expected);
    expect(isInert(out)).toBe(true);
  });

  it('leaves nothing interpretable in a hostile mix', () => {
    const hostile = '\x1b]0;pwned\x07\x1b[2J\x1b[31m\u009b31m~/\x1b]8;;x\x07dir\u202e\x1b';
    const out = sanitizeTerminalText(hostile);
    expect(out).toBe('~/dir');
    expect(isInert(out)).toBe(true);
  });
});

describe('codePointWidth', () => {
  it.each([
    ['a', 1],
    ['é', 1],
    ['\u0301', 0], // combining acute
    ['\u200d', 0], // zero width joiner
    ['\ufe0f', 0], // variation selector 16
    ['世', 2],
    ['ア', 2],
    ['한', 2],
    ['Ａ', 2], // fullwidth A
    ['🚀', 2],
    ['😀', 2],
    ['─', 1],
    ['●', 1],
    ['\u0007', 0],
  ])('%j is %i cells', (char, width) => {
    expect(codePointWidth(char.codePointAt(0) ?? 0)).toBe(width);
  });
});

describe('textWidth and toTextCells', () => {
  it.each([
    ['abc', 3, 3],
    ['世界', 4, 2],
    ['e\u0301te\u0301', 3, 3],
    ['🚀 go', 5, 4],
    ['\u0301abc', 3, 3], // a leading mark has nothing to join
  ])('%j', (text, width, cells) => {
    expect(textWidth(text)).toBe(width);
    expect(toTextCells(text)).toHaveLength(cells);
  });

  it('keeps combining marks with their base', () => {
    expect(toTextCells('e\u0301x')).toEqual([
      { text: 'e\u0301', width: 1 },
      { text: 'x', width: 1 },
    ]);
  });
});

describe('truncateToWidth', () => {
  it.each([
    ['fits', 'hello', 5, 'hello'],
    ['cut with ellipsis', 'hello world', 8, 'hello w…'],
    ['zero width', 'hello', 0, ''],
    ['width 1', 'hello', 1, '…'],
    ['never splits a wide char', '世界世界', 6, '世界…'],
    ['wide char leaves a gap rather than split', '世界世界', 5, '世界…'],
    ['wide char at the end of the room', 'a世界', 4, 'a世…'],
    ['keeps combining marks', 'e\u0301e\u0301e\u0301e\u0301', 3, 'e\u0301e\u0301…'],
    ['emoji', '🚀🚀🚀', 4, '🚀…'],
  ])('%s', (_name, text, width, expected) => {
    const out = truncateToWidth(text, width);
    expect(out).toBe(expected);
    expect(textWidth(out)).toBeLessThanOrEqual(width);
  });

  it('accepts a custom ellipsis', () => {
    expect(truncateToWidth('abcdef', 5, '..')).toBe('abc..');
  });
});

describe('truncateStartToWidth', () => {
  it.each([
    ['/home/me/projects/atm', 10, '…jects/atm'],
    ['/tmp', 10, '/tmp'],
    ['/漢字/漢字', 6, '…/漢字'],
  ])('%j in %i cells', (text, width, expected) => {
    expect(truncateStartToWidth(text, width)).toBe(expected);
  });
});

describe('fitToWidth', () => {
  it.each([
    ['ab', 4, 'left', 'ab  '],
    ['ab', 4, 'right', '  ab'],
    ['abcdef', 4, 'left', 'abc…'],
    ['世界世', 5, 'left', '世界…'],
    ['世界世', 4, 'left', '世… '], // "世界" + "…" would need 5: cut earlier and pad the gap
    ['x', 0, 'left', ''],
  ] as const)('%j to %i (%s)', (text, width, align, expected) => {
    const out = fitToWidth(text, width, align);
    expect(out).toBe(expected);
    expect(textWidth(out)).toBe(width);
  });
});
