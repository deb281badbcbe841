import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SessionEntry } from '../domain/session-reducer.js';
import { sessionSchema } from '../domain/session.js';
import { writeFileAtomic } from '../platform/atomic-file.js';

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
});
const fileSchema = z.object({ version: z.literal(FILE_VERSION), entries: z.array(z.unknown()) });

export type LoadResult = { entries: SessionEntry[]; dropped: number; problem: string | null };

/** Reads the saved registry. A missing file is an empty registry; a corrupt one is reported, never fatal. */
export async function loadEntries(file: string): Promise<LoadResult> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], dropped: 0, problem: null };
    return { entries: [], dropped: 0, problem: `cannot read ${file}: ${String(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { entries: [], dropped: 0, problem: `${file} is not valid JSON (${String(error)}); starting empty` };
  }
  const saved = fileSchema.safeParse(json);
  if (!saved.success)
    return {
      entries: [],
      dropped: 0,
      problem: `${file} is not an atm state file version ${FILE_VERSION}; starting empty`,
    };
  const entries: SessionEntry[] = [];
  let dropped = 0;
  for (const item of saved.data.entries) {
    const parsed = entrySchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
    else dropped += 1;
  }
  return { entries, dropped, problem: null };
}

/** Writes atomically: a temp file in the same directory, fsync, then rename over the old one. */
export async function saveEntries(file: string, entries: readonly SessionEntry[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const json = JSON.stringify({
    version: FILE_VERSION,
    entries: entries.map((entry) => ({
      ...entry,
      statusAt: Number.isFinite(entry.statusAt) ? entry.statusAt : null,
      metricsAt: Number.isFinite(entry.metricsAt) ? entry.metricsAt : null,
    })),
  });
  await writeFileAtomic(file, `${json}\n`);
}
