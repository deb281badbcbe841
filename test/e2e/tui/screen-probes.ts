import { pollFor } from '../../helpers/poll.js';
import type { TmuxPane } from './tmux-pane.js';

/**
 * Reading the dashboard off a real terminal (`capture-pane -p`): the screen is polled until it
 * shows what a test waits for, and a timeout says what the screen showed instead.
 */
export const SCREEN_TIMEOUT_MS = 15_000;

/** Polls the screen until `probe` returns something; fails with the last screen seen. */
export async function waitForScreen<T>(
  pane: TmuxPane,
  probe: (lines: string[]) => T | undefined | false,
  what: string,
): Promise<T> {
  let last = '';
  try {
    return await pollFor(
      () => {
        last = pane.capture();
        const found = probe(last.split('\n'));
        return found === false ? undefined : found;
      },
      { what, timeoutMs: SCREEN_TIMEOUT_MS },
    );
  } catch (error) {
    throw new Error(`${String(error)}\nlast screen:\n${last}`, { cause: error });
  }
}

export const waitForText = (pane: TmuxPane, text: string): Promise<string[]> =>
  waitForScreen(pane, (lines) => lines.some((line) => line.includes(text)) && lines, `"${text}" on screen`);

/** A session row of the table: status glyph, then the name (project), then the other columns. */
const SESSION_ROW = /^ {2}([●◆○]) (\S+) (.*)$/;
/** The STATE column (dropped below 120 columns, where the glyph alone tells the status). */
const STATE_WORD = /\b(working|waiting|idle)\b/;

/** The glyph and state word of the session row whose name starts with `name`, if shown. */
export function rowState(lines: readonly string[], name: string): { glyph: string; state: string | null } | undefined {
  for (const line of lines) {
    const match = SESSION_ROW.exec(line);
    if (match?.[2]?.startsWith(name) === true) {
      return { glyph: match[1] ?? '', state: STATE_WORD.exec(match[3] ?? '')?.[1] ?? null };
    }
  }
  return undefined;
}

/** The names of every session row on screen, top to bottom. */
export const rowNames = (lines: readonly string[]): string[] =>
  lines.flatMap((line) => {
    const name = SESSION_ROW.exec(line)?.[2];
    return name === undefined ? [] : [name];
  });

/** Waits for the pane's command to exit; on timeout, says what the pane and screen looked like. */
export async function exitStatusOf(pane: TmuxPane): Promise<number> {
  try {
    return await pollFor(() => pane.exitStatus() ?? undefined, { what: 'the dashboard to exit', timeoutMs: 10_000 });
  } catch (error) {
    const state = pane.display('dead=#{pane_dead} status=#{pane_dead_status} pid=#{pane_pid}');
    throw new Error(`${String(error)}\n${state}\nscreen:\n${pane.capture()}`, { cause: error });
  }
}

/** What `capture-pane -e` says about one character: enough to tell dimmed and banner text. */
export interface StyledChar {
  readonly char: string;
  readonly dim: boolean;
  /** The background's colour index, or null for the default. */
  readonly bg: number | null;
}

/**
 * Parses `capture-pane -p -e` output into characters with their style. tmux writes only the
 * changes from one cell to the next, across line ends too, so the state is carried through.
 */
export function parseStyledCapture(text: string): StyledChar[][] {
  let dim = false;
  let bg: number | null = null;
  const applySgr = (params: number[]): void => {
    for (let i = 0; i < params.length; i += 1) {
      const p = params[i] ?? 0;
      if (p === 0) [dim, bg] = [false, null];
      else if (p === 2) dim = true;
      else if (p === 22) dim = false;
      else if (p >= 40 && p <= 47) bg = p - 40;
      else if (p >= 100 && p <= 107) bg = p - 100 + 8;
      else if (p === 49) bg = null;
      else if (p === 48 && params[i + 1] === 5) [bg, i] = [params[i + 2] ?? null, i + 2];
      else if ((p === 38 || p === 48) && params[i + 1] === 2) i += 4;
      else if (p === 38 && params[i + 1] === 5) i += 2;
    }
  };
  return text.split('\n').map((line) => {
    const chars: StyledChar[] = [];
    // Tokens: an SGR sequence, another escape (skipped), or one visible character.
    // eslint-disable-next-line no-control-regex -- reading escape sequences is the point here
    for (const token of line.match(/\x1b\[[\d;]*m|\x1b[^[]|[^\x1b]/gu) ?? []) {
      if (token.startsWith('\x1b['))
        applySgr(
          token
            .slice(2, -1)
            .split(';')
            .map((p) => (p === '' ? 0 : Number(p))),
        );
      else if (!token.startsWith('\x1b')) chars.push({ char: token, dim, bg });
    }
    return chars;
  });
}

/** The style of each character of the first occurrence of `text` on screen, or undefined. */
export function styleOf(lines: readonly StyledChar[][], text: string): StyledChar[] | undefined {
  const length = [...text].length;
  for (const line of lines) {
    for (let at = 0; at + length <= line.length; at += 1) {
      const span = line.slice(at, at + length);
      if (span.map((c) => c.char).join('') === text) return span;
    }
  }
  return undefined;
}
