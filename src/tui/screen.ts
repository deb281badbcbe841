import type { Frame } from './frame.js';

export interface ScreenSize {
  readonly width: number;
  readonly height: number;
}

/** Keys that are not printable characters, named independently of the terminal library. */
export const KEY_NAMES = [
  'up',
  'down',
  'left',
  'right',
  'page-up',
  'page-down',
  'home',
  'end',
  'enter',
  'escape',
  'tab',
  'backspace',
  'ctrl-c',
] as const;
export type KeyName = (typeof KEY_NAMES)[number];

/** Input as the screen reports it; mouse coordinates are 0-based cells. */
export type ScreenInput =
  | { readonly kind: 'key'; readonly key: KeyName }
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'click'; readonly x: number; readonly y: number }
  | { readonly kind: 'wheel'; readonly direction: 'up' | 'down'; readonly x: number; readonly y: number };

export interface ScreenHandlers {
  onInput(input: ScreenInput): void;
  onResize(size: ScreenSize): void;
}

/**
 * A full-screen terminal. `start` takes over the terminal (alternate screen, raw input, mouse);
 * `draw` shows a frame, writing only the cells that changed; `close` gives the terminal back as
 * it was and resolves once that is done. Only terminal-kit-screen.ts talks to a real terminal.
 */
export interface Screen {
  size(): ScreenSize;
  start(handlers: ScreenHandlers): void;
  draw(frame: Frame): void;
  close(): Promise<void>;
}
