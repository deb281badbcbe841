import { MAX_SESSIONS_FILE_BYTES, parseSessionsFile, toSessionsFilePath, type SessionsFile } from './sessions-file.js';
import { readFileTail } from './transcript-reader.js';

export interface FoundSessionsFile {
  /** The config dir it was found under, worth trying first next time. */
  readonly configDir: string;
  /** Null when the file exists but is not a sessions file (half-written, garbage, too large). */
  readonly file: SessionsFile | null;
}

/**
 * Looks for `sessions/<pid>.json` under each config dir in turn; the first that exists wins.
 * Null when none does (no such Claude process, an older Claude, or /exit removed it). One
 * bounded read per dir tried; never throws.
 */
export async function findSessionsFile(configDirs: readonly string[], pid: number): Promise<FoundSessionsFile | null> {
  for (const configDir of configDirs) {
    const tail = await readFileTail(toSessionsFilePath(configDir, pid), MAX_SESSIONS_FILE_BYTES);
    if (tail === null) continue;
    return { configDir, file: tail.fromStart ? parseSessionsFile(tail.text) : null };
  }
  return null;
}

/** Config dirs to try for a session, most specific first, without repeats. */
export function toConfigDirCandidates(...dirs: readonly (string | null)[]): string[] {
  return [...new Set(dirs.filter((dir): dir is string => dir !== null && dir.length > 0))];
}
