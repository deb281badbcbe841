import { mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { CreatedContainers } from '../integrations/claude/settings-install.js';
import { writeFileAtomic } from '../platform/atomic-file.js';

/**
 * atm's own note, in its state dir, of what `atm setup` created from nothing in each settings
 * file: the `hooks` object and which event lists. Only uninstall reads it, to tell a `hooks: {}`
 * that was the user's (kept) from one atm created (removed), so setup + uninstall gives back the
 * same JSON. Everything else uninstall needs is in settings.json itself. A lost or broken record
 * costs only that nuance, so it is read tolerantly.
 */
const entrySchema = z.object({
  createdHooksKey: z.boolean().catch(false),
  createdEvents: z.array(z.string()).catch([]),
  shimPath: z.string().catch(''),
  /** Setup created the file itself: uninstall removes it when nothing else is left in it. */
  createdFile: z.boolean().catch(false),
  /**
   * The file's text when setup found it blank (0 bytes, or only white space): uninstall writes
   * it back instead of `{}`, so a blank file comes back blank, byte for byte.
   */
  blankText: z.string().max(4096).regex(/^\s*$/).nullable().catch(null).default(null),
});
const recordSchema = z.object({ settings: z.record(z.string(), entrySchema).catch({}) });

export type InstallRecordEntry = z.infer<typeof entrySchema>;
export type InstallRecord = z.infer<typeof recordSchema>;

export async function readInstallRecord(path: string): Promise<InstallRecord> {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : { settings: {} };
  } catch {
    return { settings: {} };
  }
}

/** Writes the record, or removes the file when no settings file is set up any more. */
export async function writeInstallRecord(path: string, record: InstallRecord): Promise<void> {
  if (Object.keys(record.settings).length === 0) {
    await unlink(path).catch(() => undefined);
    return;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
}

/** The entry after a setup run: what this run created, added to what earlier runs created. */
export function mergeCreated(
  previous: InstallRecordEntry | undefined,
  created: CreatedContainers,
  shimPath: string,
  createdFile: boolean,
  blankText: string | null = null,
): InstallRecordEntry {
  const events = new Set([...(previous?.createdEvents ?? []), ...created.events]);
  return {
    createdHooksKey: (previous?.createdHooksKey ?? false) || created.hooksKey,
    createdEvents: [...events],
    shimPath,
    createdFile: (previous?.createdFile ?? false) || createdFile,
    // The first setup saw the user's own text; a later run sees atm's.
    blankText: previous === undefined ? blankText : previous.blankText,
  };
}

export const toCreatedContainers = (entry: InstallRecordEntry | undefined): CreatedContainers | null =>
  entry === undefined ? null : { hooksKey: entry.createdHooksKey, events: entry.createdEvents };
