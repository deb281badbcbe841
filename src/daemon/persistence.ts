import { constants } from 'node:fs';
import { copyFile, mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SessionEntry } from '../domain/session-reducer.js';
import { sessionSchema } from '../domain/session.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import type { DeliveredId } from './delivered-reports.js';
import { describeError } from '../shared/errors.js';

/** What atmd keeps across restarts: the registry entries, versioned. */
const FILE_VERSION = 1;
const finiteOrNull = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NEGATIVE_INFINITY);
const entrySchema = z.object({
  session: sessionSchema,
  statusAt: finiteOrNull,
  metricsAt: finiteOrNull,
  pidStart: z.string().nullable(),
  transcriptPath: z.string().nullable(),
  subagentIds: z.array(z.string()).max(100).optional(),
  earlyStops: z.array(z.string()).max(100).optional(),
});
/**
 * The ids of reports applied lately (delivered-reports.ts), saved with the sessions they changed.
 * Optional, and ignored whole when unreadable: an older atmd drops the key, a newer one reads a
 * file without it as "none remembered", and neither is a reason to lose a session.
 */
const deliveredSchema = z
  .array(z.tuple([z.string().min(1).max(64), z.number().finite()]))
  .max(100_000)
  .optional()
  .catch(undefined);
const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
  entries: z.array(z.unknown()),
  delivered: deliveredSchema,
});

export type LoadResult = {
  entries: SessionEntry[];
  dropped: number;
  problem: string | null;
  /** The report ids the saving atmd remembered, with when each was applied. */
  delivered: DeliveredId[];
};

/**
 * Reads the saved registry. A missing file is an empty registry. A file that cannot be used
 * whole (not JSON, another version, unreadable) is moved aside and one that lost entries is
 * copied aside, so the next save cannot destroy what was in it; `problem` says where it went.
 * Never fatal: atmd starts with what it could read.
 */
export async function loadEntries(file: string, now: () => number = Date.now): Promise<LoadResult> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { entries: [], dropped: 0, problem: null, delivered: [] };
    return empty(`cannot read ${file} (${describeError(error)}); ${await keepAside(file, now, 'move')}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return empty(`${file} is not valid JSON (${describeError(error)}); ${await keepAside(file, now, 'move')}`);
  }
  const saved = fileSchema.safeParse(json);
  if (!saved.success)
    return empty(`${file} is not an atm state file version ${FILE_VERSION}; ${await keepAside(file, now, 'move')}`);
  const entries: SessionEntry[] = [];
  const delivered = saved.data.delivered ?? [];
  let dropped = 0;
  for (const item of saved.data.entries) {
    const parsed = entrySchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
    else dropped += 1;
  }
  if (dropped === 0) return { entries, dropped, problem: null, delivered };
  const where = await keepAside(file, now, 'copy');
  return {
    entries,
    dropped,
    problem: `${dropped} saved sessions in ${file} could not be read; ${where}`,
    delivered,
  };
}

const empty = (problem: string): LoadResult => ({ entries: [], dropped: 0, problem, delivered: [] });

/** Moves or copies `file` to `<file>.corrupt-<UTC time>` and says so (or why it could not). */
async function keepAside(file: string, now: () => number, how: 'move' | 'copy'): Promise<string> {
  const stamp = new Date(now())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const aside = `${file}.corrupt-${stamp}`;
  try {
    await (how === 'move' ? rename(file, aside) : copyFile(file, aside, constants.COPYFILE_EXCL));
    return how === 'move' ? `kept it as ${aside} and started empty` : `a copy of the file is kept as ${aside}`;
  } catch (error) {
    return `could not keep a copy as ${aside} (${describeError(error)})`;
  }
}

/** Writes atomically: a temp file in the same directory, fsync, then rename over the old one. */
export async function saveEntries(
  file: string,
  entries: readonly SessionEntry[],
  delivered: readonly DeliveredId[] = [],
): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const json = JSON.stringify({
    version: FILE_VERSION,
    entries: entries.map((entry) => ({
      ...entry,
      statusAt: Number.isFinite(entry.statusAt) ? entry.statusAt : null,
      metricsAt: Number.isFinite(entry.metricsAt) ? entry.metricsAt : null,
    })),
    ...(delivered.length > 0 ? { delivered } : {}),
  });
  await writeFileAtomic(file, `${json}\n`);
}
