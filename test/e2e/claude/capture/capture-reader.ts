import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAncestry, parseCaptureDirName, parseEnvLines, parseLines, type ProcessEntry } from './capture-parse.js';

/** One run of capture-hook.sh: a hook event or a statusLine call. */
export interface Capture {
  readonly dirName: string;
  /** Hook event name, or "statusline". */
  readonly label: string;
  readonly startedNs: bigint;
  /** startedNs in epoch milliseconds, comparable with Date.now() marks. */
  readonly atMs: number;
  readonly pid: number;
  readonly ppid: number;
  /** The payload exactly as Claude Code wrote it to stdin. */
  readonly stdinText: string;
  readonly env: Readonly<Record<string, string>>;
  readonly envNames: readonly string[];
  readonly ancestry: readonly ProcessEntry[];
}

const readText = (path: string): Promise<string> => readFile(path, 'utf8').catch(() => '');

/**
 * Every finished capture in `dir`, oldest first. Half-written ones (still `.tmp`, or killed with
 * Claude Code at exit) are skipped.
 */
export async function readCaptures(dir: string): Promise<Capture[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const captures = await Promise.all(
    names.map(async (dirName): Promise<Capture | undefined> => {
      const parsed = parseCaptureDirName(dirName);
      if (parsed === undefined) return undefined;
      const path = join(dir, dirName);
      const meta = parseEnvLines(await readText(join(path, 'meta.txt')));
      return {
        dirName,
        label: parsed.label,
        startedNs: parsed.startedNs,
        atMs: Number(parsed.startedNs / 1_000_000n),
        pid: parsed.pid,
        ppid: Number(meta['ppid'] ?? 0),
        stdinText: await readText(join(path, 'stdin.json')),
        env: parseEnvLines(await readText(join(path, 'env.txt'))),
        envNames: parseLines(await readText(join(path, 'env-names.txt'))),
        ancestry: parseAncestry(await readText(join(path, 'ps.txt'))),
      };
    }),
  );
  return captures
    .filter((capture): capture is Capture => capture !== undefined)
    .sort((a, b) => (a.startedNs < b.startedNs ? -1 : a.startedNs > b.startedNs ? 1 : 0));
}
