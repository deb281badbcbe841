/**
 * The small part of terminal-kit (which ships no types) that terminal-kit-screen.ts uses. Only
 * that file may import 'terminal-kit'. `ScreenBuffer.buffer`, `writeAttr` and `writeChar` are
 * internals: they let us write cells with our own width decisions (see terminal-kit-screen.ts).
 */
declare module 'terminal-kit' {
  import type { Readable, Writable } from 'node:stream';

  export interface KeyData {
    readonly isCharacter: boolean;
  }
  export interface MouseData {
    /** 1-based. */
    readonly x: number;
    readonly y: number;
  }

  export interface Terminal {
    readonly width: number;
    readonly height: number;
    fullscreen(options: boolean): void;
    hideCursor(hide?: boolean): Terminal;
    styleReset(): Terminal;
    grabInput(options: false | { mouse?: 'button' | 'drag' | 'motion' }, safe?: boolean): Promise<void>;
    /** Resets style, shows the cursor and leaves raw/mouse mode once output has drained. */
    asyncCleanup(): Promise<void>;
    on(event: 'key', listener: (name: string, matches: readonly string[], data: KeyData) => void): Terminal;
    on(event: 'mouse', listener: (name: string, data: MouseData) => void): Terminal;
    on(event: 'resize', listener: (width: number, height: number) => void): Terminal;
    off(event: 'key' | 'mouse' | 'resize', listener: (...args: never[]) => void): Terminal;
  }

  export interface AttrObject {
    color?: number;
    bgColor?: number;
    defaultColor?: boolean;
    bgDefaultColor?: boolean;
    bold?: boolean;
    dim?: boolean;
    inverse?: boolean;
    underline?: boolean;
  }

  export interface ScreenBuffer {
    readonly width: number;
    readonly height: number;
    readonly buffer: Buffer;
    readonly ITEM_SIZE: number;
    readonly LEADING_FULLWIDTH: number;
    readonly TRAILING_FULLWIDTH: number;
    /** With `delta`, only cells that differ from the previous draw are written. */
    draw(options?: { delta?: boolean }): { cells: number; moves: number; attrs: number; writes: number };
    writeAttr(buffer: Buffer, attr: number, at: number, fullWidthFlag?: number): number;
    writeChar(buffer: Buffer, char: string, at: number): number;
  }

  export interface ScreenBufferClass {
    new (options: { dst: Terminal; width: number; height: number; x?: number; y?: number }): ScreenBuffer;
    object2attr(object: AttrObject): number;
  }

  export interface TerminalOptions {
    stdin: Readable;
    stdout: Writable;
    stderr: Writable;
    generic?: string;
    appId?: string;
    isTTY?: boolean;
    processSigwinch?: boolean;
  }

  export interface TermKit {
    /** The process's terminal (stdin/stdout), created on first access. */
    readonly terminal: Terminal;
    createTerminal(options: TerminalOptions): Terminal;
    readonly ScreenBuffer: ScreenBufferClass;
  }

  const termkit: TermKit;
  export default termkit;
}
