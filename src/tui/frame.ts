import { sanitizeTerminalText, toTextCells } from '../shared/terminal-text.js';

/**
 * A frame is what the renderer produces and a Screen shows: a grid of styled cells. It is the
 * seam between the pure renderer and the terminal, so tests and benches read frames directly.
 */
export const COLORS = [
  'default',
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'gray',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const;
export type Color = (typeof COLORS)[number];

export interface Style {
  readonly fg?: Color;
  readonly bg?: Color;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly inverse?: boolean;
  readonly underline?: boolean;
}

export const PLAIN: Style = {};

/**
 * One terminal cell. A wide character sits in its first cell with `wide: true`; the cell after it
 * holds `char: ''` (a continuation), so every row has exactly `width` cells.
 */
export interface Cell {
  char: string;
  style: Style;
  wide: boolean;
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly rows: Cell[][];
}

const blank = (style: Style): Cell => ({ char: ' ', style, wide: false });

export function createFrame(width: number, height: number): Frame {
  const w = Number.isFinite(width) ? Math.max(0, Math.floor(width)) : 0;
  const h = Number.isFinite(height) ? Math.max(0, Math.floor(height)) : 0;
  const rows = Array.from({ length: h }, () => Array.from({ length: w }, () => blank(PLAIN)));
  return { width: w, height: h, rows };
}

/** Paints a whole row (or the part from `x`) with spaces in a style, e.g. a banner background. */
export function fillRow(frame: Frame, y: number, style: Style, x = 0, width = frame.width - x): void {
  for (let i = Math.max(0, x); i < Math.min(frame.width, x + width); i += 1) setCell(frame, i, y, blank(style));
}

/**
 * Writes text at (x, y), clipped to `maxWidth` cells and to the frame. Text is sanitized here,
 * whatever the caller did: no string reaches a Screen with a control character in it. A wide
 * character that would straddle the clip edge is replaced by a space. Returns the x after the text.
 */
export function putText(
  frame: Frame,
  x: number,
  y: number,
  text: string,
  style: Style,
  maxWidth = frame.width - x,
): number {
  const row = frame.rows[y];
  if (row === undefined) return x;
  const limit = Math.min(frame.width, x + Math.max(0, maxWidth));
  let cx = x;
  for (const cell of toTextCells(sanitizeTerminalText(text))) {
    if (cx + cell.width > limit) {
      if (cx < limit) setCell(frame, cx, y, blank(style));
      return cx < limit ? cx + 1 : cx;
    }
    if (cx >= 0) {
      setCell(frame, cx, y, { char: cell.text, style, wide: cell.width === 2 });
      if (cell.width === 2) setCell(frame, cx + 1, y, { char: '', style, wide: false });
    }
    cx += cell.width;
  }
  return cx;
}

/** Sets one cell, repairing any wide character it cuts in half so the row keeps its geometry. */
function setCell(frame: Frame, x: number, y: number, cell: Cell): void {
  const row = frame.rows[y];
  const old = row?.[x];
  if (row === undefined || old === undefined) return;
  if (old.wide) {
    const next = row[x + 1];
    if (next !== undefined) row[x + 1] = blank(next.style);
  }
  if (old.char === '' && x > 0) {
    const previous = row[x - 1];
    if (previous?.wide === true && cell.char !== '') row[x - 1] = blank(previous.style);
  }
  row[x] = cell;
}

/** Restyles a span of cells in place (selection highlight, dimming), keeping their text. */
export function restyle(frame: Frame, y: number, toStyle: (style: Style) => Style, x = 0, width = frame.width): void {
  const row = frame.rows[y];
  if (row === undefined) return;
  for (let i = Math.max(0, x); i < Math.min(frame.width, x + width); i += 1) {
    const cell = row[i];
    if (cell !== undefined) row[i] = { ...cell, style: toStyle(cell.style) };
  }
}

/** The visible text of each row: what a user (or `tmux capture-pane -p`) would read. */
export function frameToLines(frame: Frame): string[] {
  return frame.rows.map((row) => row.map((cell) => cell.char).join(''));
}
