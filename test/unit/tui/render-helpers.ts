import type { Cell, Frame } from '../../../src/tui/frame.js';
import { frameToLines } from '../../../src/tui/frame.js';

export const lines = (frame: Frame): string[] => frameToLines(frame);
export const screenText = (frame: Frame): string => lines(frame).join('\n');

/** The row whose text contains `needle`, with the cell index (x) where it starts. */
export function findText(frame: Frame, needle: string): { y: number; x: number; cells: Cell[] } | null {
  for (const [y, row] of frame.rows.entries()) {
    let text = '';
    const xs: number[] = [];
    row.forEach((cell, x) => {
      for (let i = 0; i < cell.char.length; i += 1) xs.push(x);
      text += cell.char;
    });
    const at = text.indexOf(needle);
    if (at >= 0) return { y, x: xs[at] ?? 0, cells: row };
  }
  return null;
}

/** Whether text holds a code point a terminal would act on: C0 (ESC included), DEL, C1. */
export function hasControl(text: string): boolean {
  return [...text].some((char) => {
    const cp = char.codePointAt(0) ?? 0;
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
  });
}
