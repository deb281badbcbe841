import type { Readable, Writable } from 'node:stream';
import termkit, { type AttrObject, type ScreenBuffer, type Terminal } from 'terminal-kit';
import type { Cell, Color, Frame, Style } from './frame.js';
import type { KeyName, Screen, ScreenHandlers, ScreenInput } from './screen.js';

/**
 * The one file that talks to terminal-kit. Frames go into a ScreenBuffer and `draw({ delta: true })`
 * writes only the cells that changed since the last draw.
 *
 * Cells are written into the buffer directly rather than through `put()`: `put()` measures
 * characters with its own width table and cannot keep a combining mark with its base, so the
 * layout our renderer computed (see shared/terminal-text.ts) would drift. A cell holds one code
 * point, so a base with marks is NFC-composed and, failing that, shown without the marks.
 */
export interface TerminalKitScreenOptions {
  /** A custom terminal (tests, benches: a fake stdout that counts bytes); default: the process's. */
  readonly streams?: { readonly stdin: Readable; readonly stdout: Writable };
}

const KEYS: Readonly<Record<string, KeyName>> = {
  UP: 'up',
  DOWN: 'down',
  LEFT: 'left',
  RIGHT: 'right',
  PAGE_UP: 'page-up',
  PAGE_DOWN: 'page-down',
  HOME: 'home',
  END: 'end',
  ENTER: 'enter',
  KP_ENTER: 'enter',
  ESCAPE: 'escape',
  TAB: 'tab',
  BACKSPACE: 'backspace',
  CTRL_C: 'ctrl-c',
};

const COLOR_INDEX: Readonly<Record<Exclude<Color, 'default'>, number>> = {
  black: 0,
  red: 1,
  green: 2,
  yellow: 3,
  blue: 4,
  magenta: 5,
  cyan: 6,
  white: 7,
  gray: 8,
  brightRed: 9,
  brightGreen: 10,
  brightYellow: 11,
  brightBlue: 12,
  brightMagenta: 13,
  brightCyan: 14,
  brightWhite: 15,
};

function toAttrObject(style: Style): AttrObject {
  const fg = style.fg ?? 'default';
  const bg = style.bg ?? 'default';
  return {
    ...(fg === 'default' ? { defaultColor: true } : { color: COLOR_INDEX[fg] }),
    ...(bg === 'default' ? { bgDefaultColor: true } : { bgColor: COLOR_INDEX[bg] }),
    bold: style.bold === true,
    dim: style.dim === true,
    inverse: style.inverse === true,
    underline: style.underline === true,
  };
}

/** One code point per cell, never a control character (the frame is sanitized; this is a backstop). */
function toCellChar(cell: Cell): string {
  const first = cell.char.normalize('NFC').codePointAt(0) ?? 0x20;
  return first < 0x20 || (first >= 0x7f && first <= 0x9f) ? ' ' : String.fromCodePoint(first);
}

const positiveOr = (value: number, fallback: number): number =>
  Number.isFinite(value) && value > 0 ? value : fallback;

export function toScreenInput(name: string, isCharacter: boolean): ScreenInput | null {
  const key = KEYS[name];
  if (key !== undefined) return { kind: 'key', key };
  return isCharacter ? { kind: 'char', char: name } : null;
}

function createTerminal(options: TerminalKitScreenOptions): Terminal {
  if (options.streams === undefined) return termkit.terminal;
  const { stdin, stdout } = options.streams;
  return termkit.createTerminal({
    stdin,
    stdout,
    stderr: stdout,
    generic: 'xterm-256color',
    appId: 'xterm-256color',
    isTTY: true,
    processSigwinch: false,
  });
}

export function createTerminalKitScreen(options: TerminalKitScreenOptions = {}): Screen {
  const term = createTerminal(options);
  let handlers: ScreenHandlers | null = null;
  let buffer: ScreenBuffer | null = null;
  const attrCache = new Map<string, number>();
  const attrOf = (style: Style): number => {
    const key = `${style.fg}|${style.bg}|${style.bold}|${style.dim}|${style.inverse}|${style.underline}`;
    let attr = attrCache.get(key);
    if (attr === undefined) attrCache.set(key, (attr = termkit.ScreenBuffer.object2attr(toAttrObject(style))));
    return attr;
  };

  const onKey = (name: string, _matches: readonly string[], data: { isCharacter: boolean }): void => {
    const input = toScreenInput(name, data.isCharacter);
    if (input !== null) handlers?.onInput(input);
  };
  const onMouse = (name: string, data: { x: number; y: number }): void => {
    const at = { x: data.x - 1, y: data.y - 1 };
    if (name === 'MOUSE_LEFT_BUTTON_PRESSED') handlers?.onInput({ kind: 'click', ...at });
    else if (name === 'MOUSE_WHEEL_UP') handlers?.onInput({ kind: 'wheel', direction: 'up', ...at });
    else if (name === 'MOUSE_WHEEL_DOWN') handlers?.onInput({ kind: 'wheel', direction: 'down', ...at });
  };
  const onResize = (width: number, height: number): void => handlers?.onResize({ width, height });

  return {
    // terminal-kit reports no size when the output is not a terminal: assume the classic 80x24.
    size: () => ({ width: positiveOr(term.width, 80), height: positiveOr(term.height, 24) }),
    start(next) {
      handlers = next;
      term.fullscreen(true);
      term.hideCursor();
      void term.grabInput({ mouse: 'button' });
      term.on('key', onKey).on('mouse', onMouse).on('resize', onResize);
    },
    draw(frame: Frame) {
      // terminal-kit reads a zero size as "the terminal's size": there is nothing to draw anyway.
      if (frame.width === 0 || frame.height === 0) return;
      // A new size means a new buffer, and a new buffer is drawn in full: that is the resize redraw.
      if (buffer === null || buffer.width !== frame.width || buffer.height !== frame.height) {
        buffer = new termkit.ScreenBuffer({ dst: term, width: frame.width, height: frame.height });
      }
      const target = buffer;
      const { ITEM_SIZE, LEADING_FULLWIDTH, TRAILING_FULLWIDTH } = target;
      frame.rows.forEach((row, y) => {
        row.forEach((cell, x) => {
          const at = (y * frame.width + x) * ITEM_SIZE;
          const flag = cell.char === '' ? TRAILING_FULLWIDTH : cell.wide ? LEADING_FULLWIDTH : 0;
          target.writeAttr(target.buffer, attrOf(cell.style), at, flag);
          target.writeChar(target.buffer, cell.char === '' ? ' ' : toCellChar(cell), at);
        });
      });
      target.draw({ delta: true });
    },
    async close() {
      handlers = null;
      term.off('key', onKey).off('mouse', onMouse).off('resize', onResize);
      term.fullscreen(false);
      await term.asyncCleanup();
    },
  };
}
