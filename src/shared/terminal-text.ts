/**
 * Terminal-safe text: strip everything a terminal could interpret, then measure and fit text in
 * terminal cells. Pure and free of Node APIs (tsconfig.pure.json checks it) because both the
 * dashboard and the CLI print strings that come from sessions: a hostile directory name must not
 * retitle, clear or recolour the user's terminal, and wide or combining characters must not
 * break a column layout.
 *
 * Width follows the wcwidth model terminals (and tmux) use: one width per code point, 2 for East
 * Asian Wide/Fullwidth and emoji presentation, 0 for combining marks and format characters.
 */

const ESC = 0x1b;
const BEL = 0x07;
const C1_CSI = 0x9b;
const C1_ST = 0x9c;
/** C1 introducers of string sequences: DCS, SOS, OSC, PM, APC. Their payload runs to ST (or BEL). */
const C1_STRING_STARTS = new Set([0x90, 0x98, 0x9d, 0x9e, 0x9f]);
/** `ESC x` introducers of the same string sequences: P (DCS), X (SOS), ] (OSC), ^ (PM), _ (APC). */
const ESC_STRING_STARTS = new Set([0x50, 0x58, 0x5d, 0x5e, 0x5f]);
/** Line and tab breaks become a space: a one-line cell must stay one line, but words stay apart. */
const BREAKS_TO_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);
/** Bidi embeddings, overrides, isolates and marks: they can visually reorder the rest of the line. */
const BIDI_CONTROLS = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/u;

/**
 * Removes every control character and escape sequence: CSI (7-bit and C1), OSC/DCS/SOS/PM/APC up
 * to BEL or ST (an unterminated one swallows the rest), other ESC sequences, a lone ESC, C0/C1
 * controls, DEL and bidi controls. Tabs and line breaks become spaces; lone surrogates become
 * U+FFFD. Whatever is left is printable.
 */
export function sanitizeTerminalText(input: string): string {
  const cps = Array.from(input, (char) => char.codePointAt(0) ?? 0);
  let out = '';
  let i = 0;
  while (i < cps.length) {
    const cp = cps[i] ?? 0;
    if (cp === ESC) i = skipEscape(cps, i);
    else if (cp === C1_CSI) i = skipCsiBody(cps, i + 1);
    else if (C1_STRING_STARTS.has(cp)) i = skipStringBody(cps, i + 1);
    else {
      if (BREAKS_TO_SPACE.has(cp)) out += ' ';
      else if (!isControl(cp) && !BIDI_CONTROLS.test(String.fromCodePoint(cp))) {
        out += cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : String.fromCodePoint(cp);
      }
      i += 1;
    }
  }
  return out;
}

function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/** `cps[at]` is ESC; returns the index just past the sequence it starts. */
function skipEscape(cps: readonly number[], at: number): number {
  const next = cps[at + 1];
  if (next === undefined) return at + 1;
  if (next === 0x5b) return skipCsiBody(cps, at + 2);
  if (ESC_STRING_STARTS.has(next)) return skipStringBody(cps, at + 2);
  let j = at + 1;
  while ((cps[j] ?? 0) >= 0x20 && (cps[j] ?? 0) <= 0x2f) j += 1; // intermediates, e.g. `ESC ( B`
  const final = cps[j] ?? 0;
  if (final >= 0x30 && final <= 0x7e) return j + 1; // e.g. `ESC c` (full reset), `ESC 7`
  return j === at + 1 ? at + 1 : j; // a lone ESC: drop it, keep what follows
}

/** Parameters and intermediates (0x20–0x3f), then one final byte (0x40–0x7e) if present. */
function skipCsiBody(cps: readonly number[], from: number): number {
  let j = from;
  while ((cps[j] ?? 0) >= 0x20 && (cps[j] ?? 0) <= 0x3f) j += 1;
  const final = cps[j] ?? 0;
  return final >= 0x40 && final <= 0x7e ? j + 1 : j;
}

/** Everything up to BEL, C1 ST or `ESC \`; an unterminated string runs to the end of the input. */
function skipStringBody(cps: readonly number[], from: number): number {
  for (let j = from; j < cps.length; j += 1) {
    const cp = cps[j];
    if (cp === BEL || cp === C1_ST) return j + 1;
    if (cp === ESC && cps[j + 1] === 0x5c) return j + 2;
  }
  return cps.length;
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
/** East Asian Wide and Fullwidth blocks (Unicode 15), besides emoji which the regex above covers. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x16ff0, 0x16ff1],
  [0x17000, 0x18cff],
  [0x18d00, 0x18d08],
  [0x1aff0, 0x1b2ff],
  [0x1f200, 0x1f2ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

/** Cells one code point takes: 0 (controls, combining marks, format characters), 1, or 2. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (isControl(cp)) return 0;
  if (cp < 0x300) return 1; // fast path: ASCII and Latin-1 letters
  const char = String.fromCodePoint(cp);
  if (ZERO_WIDTH.test(char) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200b) return 0;
  if (EMOJI_PRESENTATION.test(char)) return 2;
  for (const [low, high] of WIDE_RANGES) if (cp >= low && cp <= high) return 2;
  return 1;
}

/** A printable unit: one base character and the zero-width marks that follow it. */
export interface TextCell {
  readonly text: string;
  readonly width: 1 | 2;
}

/**
 * Splits (already sanitized) text into cells. Zero-width marks join the character before them;
 * leading ones have nothing to join and are dropped, since a terminal would put them on whatever
 * was printed before (the previous column).
 */
export function toTextCells(text: string): TextCell[] {
  const cells: TextCell[] = [];
  for (const char of text) {
    const width = codePointWidth(char.codePointAt(0) ?? 0);
    const last = cells.at(-1);
    if (width === 0) {
      if (last !== undefined) cells[cells.length - 1] = { text: last.text + char, width: last.width };
    } else cells.push({ text: char, width });
  }
  return cells;
}

/** Display width of (already sanitized) text, in terminal cells. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += codePointWidth(char.codePointAt(0) ?? 0);
  return width;
}

const join = (cells: readonly TextCell[]): string => cells.map((cell) => cell.text).join('');

/**
 * Cuts text to at most `maxWidth` cells, ending with `ellipsis` when something was cut. A wide
 * character never gets split: the result may then be one cell narrower than `maxWidth`.
 */
export function truncateToWidth(text: string, maxWidth: number, ellipsis = '…'): string {
  if (textWidth(text) <= maxWidth) return text;
  const ellipsisWidth = textWidth(ellipsis);
  const room = ellipsisWidth <= maxWidth ? maxWidth - ellipsisWidth : maxWidth;
  return join(takeWidth(toTextCells(text), room)) + (ellipsisWidth <= maxWidth ? ellipsis : '');
}

/** Like truncateToWidth but keeps the end (`…/deep/dir`), for paths whose tail says the most. */
export function truncateStartToWidth(text: string, maxWidth: number, ellipsis = '…'): string {
  if (textWidth(text) <= maxWidth) return text;
  const ellipsisWidth = textWidth(ellipsis);
  const room = ellipsisWidth <= maxWidth ? maxWidth - ellipsisWidth : maxWidth;
  const tail = takeWidth(toTextCells(text).reverse(), room).reverse();
  return (ellipsisWidth <= maxWidth ? ellipsis : '') + join(tail);
}

function takeWidth(cells: readonly TextCell[], room: number): TextCell[] {
  const taken: TextCell[] = [];
  let used = 0;
  for (const cell of cells) {
    if (used + cell.width > room) break;
    taken.push(cell);
    used += cell.width;
  }
  return taken;
}

/** Truncates then pads with spaces to exactly `width` cells. */
export function fitToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncateToWidth(text, Math.max(0, width));
  const pad = ' '.repeat(Math.max(0, width - textWidth(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}
