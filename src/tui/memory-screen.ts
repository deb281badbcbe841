import { frameToLines, type Frame } from './frame.js';
import {
  KEY_NAMES,
  type KeyName,
  type Screen,
  type ScreenHandlers,
  type ScreenInput,
  type ScreenSize,
} from './screen.js';

/**
 * A Screen in memory, for tests and benches: it keeps the last frame, counts draws and the cells a
 * delta draw would rewrite, and lets the caller type keys and resize as a user would.
 */
export interface MemoryScreen extends Screen {
  readonly drawCount: number;
  /** Cells that differ from the previous frame in the last draw (all of them after a resize). */
  readonly lastChangedCells: number;
  readonly started: boolean;
  readonly closed: boolean;
  lastFrame(): Frame | null;
  /** The visible text of the last frame, one string per row. */
  lines(): string[];
  text(): string;
  send(input: ScreenInput): void;
  /** Each argument is a KeyName (`enter`, `down`…) or else text, typed character by character. */
  press(...keys: readonly string[]): void;
  resize(size: ScreenSize): void;
}

export function countChangedCells(previous: Frame | null, next: Frame): number {
  if (previous === null || previous.width !== next.width || previous.height !== next.height)
    return next.width * next.height;
  let changed = 0;
  next.rows.forEach((row, y) =>
    row.forEach((cell, x) => {
      const old = previous.rows[y]?.[x];
      if (old === undefined || old.char !== cell.char || JSON.stringify(old.style) !== JSON.stringify(cell.style))
        changed += 1;
    }),
  );
  return changed;
}

const isKeyName = (value: string): value is KeyName => (KEY_NAMES as readonly string[]).includes(value);

export function createMemoryScreen(initial: ScreenSize = { width: 120, height: 40 }): MemoryScreen {
  let size = initial;
  let handlers: ScreenHandlers | null = null;
  let frame: Frame | null = null;
  let drawCount = 0;
  let lastChangedCells = 0;
  let started = false;
  let closed = false;
  const send = (input: ScreenInput): void => handlers?.onInput(input);
  return {
    get drawCount() {
      return drawCount;
    },
    get lastChangedCells() {
      return lastChangedCells;
    },
    get started() {
      return started;
    },
    get closed() {
      return closed;
    },
    size: () => size,
    start(next) {
      handlers = next;
      started = true;
    },
    draw(next) {
      lastChangedCells = countChangedCells(frame, next);
      frame = next;
      drawCount += 1;
    },
    close() {
      handlers = null;
      closed = true;
      return Promise.resolve();
    },
    lastFrame: () => frame,
    lines: () => (frame === null ? [] : frameToLines(frame)),
    text() {
      return this.lines().join('\n');
    },
    send,
    press(...keys) {
      for (const key of keys) {
        if (isKeyName(key)) send({ kind: 'key', key });
        else for (const char of key) send({ kind: 'char', char });
      }
    },
    resize(next) {
      size = next;
      handlers?.onResize(next);
    },
  };
}
