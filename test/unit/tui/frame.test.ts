import { describe, expect, it } from 'vitest';
import { createFrame, frameToLines, putText, restyle, type Frame } from '../../../src/tui/frame.js';

const line = (frame: Frame, y = 0): string => frameToLines(frame)[y] ?? '';

describe('putText', () => {
  it('writes text and returns the x after it', () => {
    const frame = createFrame(10, 1);
    expect(putText(frame, 2, 0, 'abc', {})).toBe(5);
    expect(line(frame)).toBe('  abc     ');
  });

  it('clips to maxWidth and to the frame', () => {
    const frame = createFrame(6, 1);
    putText(frame, 0, 0, 'abcdef', {}, 3);
    putText(frame, 4, 0, 'xyz', {});
    expect(line(frame)).toBe('abc xy');
  });

  it('gives a wide character two cells', () => {
    const frame = createFrame(6, 1);
    expect(putText(frame, 0, 0, '世界', {})).toBe(4);
    expect(frame.rows[0]?.map((cell) => cell.char)).toEqual(['世', '', '界', '', ' ', ' ']);
    expect(line(frame)).toBe('世界  ');
  });

  it('puts a space where a wide character would straddle the edge', () => {
    const frame = createFrame(3, 1);
    putText(frame, 0, 0, 'a世界', {});
    expect(line(frame)).toBe('a世');
    const clipped = createFrame(4, 1);
    putText(clipped, 0, 0, 'ab世', {}, 3);
    expect(frameToLines(clipped)[0]).toBe('ab  ');
  });

  it('keeps combining marks in the cell of their base', () => {
    const frame = createFrame(4, 1);
    putText(frame, 0, 0, 'e\u0301a', {});
    expect(frame.rows[0]?.[0]?.char).toBe('e\u0301');
    expect(frame.rows[0]?.[1]?.char).toBe('a');
  });

  it('repairs a wide character it overwrites half of', () => {
    const frame = createFrame(4, 1);
    putText(frame, 0, 0, '世界', {});
    putText(frame, 1, 0, 'x', {});
    expect(line(frame)).toBe(' x界');
    putText(frame, 2, 0, 'y', {});
    expect(line(frame)).toBe(' xy ');
  });

  it('strips control sequences from whatever it is given', () => {
    const frame = createFrame(12, 1);
    putText(frame, 0, 0, 'a\x1b[2Jb\x1b]0;t\x07c\u009b1m', {});
    expect(line(frame)).toBe('abc         ');
  });

  it('ignores rows outside the frame', () => {
    const frame = createFrame(3, 1);
    expect(putText(frame, 0, 5, 'abc', {})).toBe(0);
  });
});

describe('restyle', () => {
  it('changes styles and keeps text', () => {
    const frame = createFrame(3, 1);
    putText(frame, 0, 0, 'ab', { fg: 'red' });
    restyle(frame, 0, (style) => ({ ...style, inverse: true }));
    expect(frame.rows[0]?.map((cell) => cell.style)).toEqual([
      { fg: 'red', inverse: true },
      { fg: 'red', inverse: true },
      { inverse: true },
    ]);
    expect(line(frame)).toBe('ab ');
  });
});
