/**
 * Parsers for what capture-hook.sh writes. Pure, so the odd formats (ps columns, env lines)
 * are pinned down in one place.
 */

export interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  /** Kernel task name (ps comm): at most 15 characters, may contain spaces ("tmux: server"). */
  readonly comm: string;
  readonly args: string;
}

/** procps pads `comm` to its 15-character maximum, so the column is fixed-width. */
const COMM_WIDTH = 15;
const PS_LINE = /^\s*(\d+)\s+(\d+) (.*)$/;

export function parseAncestry(psText: string): ProcessEntry[] {
  return psText.split('\n').flatMap((line) => {
    const match = PS_LINE.exec(line);
    if (match === null) return [];
    const rest = match[3] ?? '';
    return [
      {
        pid: Number(match[1]),
        ppid: Number(match[2]),
        comm: rest.slice(0, COMM_WIDTH).trimEnd(),
        args: rest.slice(COMM_WIDTH).trimStart(),
      },
    ];
  });
}

/** `NAME=value` lines; a value may contain '=' but not a newline (fine for the vars we keep). */
export function parseEnvLines(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

export const parseLines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

/** Capture directory name: <epoch-ns>-<pid>-<label>. */
export function parseCaptureDirName(name: string): { startedNs: bigint; pid: number; label: string } | undefined {
  const match = /^(\d+)-(\d+)-([A-Za-z]+)$/.exec(name);
  if (match === null) return undefined;
  return { startedNs: BigInt(match[1] ?? '0'), pid: Number(match[2]), label: match[3] ?? '' };
}
