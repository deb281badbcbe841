import type { FileGenerations } from '../../platform/file-generations.js';
import { MAX_SESSIONS_FILE_BYTES, parseSessionsFile, toSessionsFilePath, type SessionsFile } from './sessions-file.js';
import { readFileTail } from './transcript-reader.js';

export interface FoundSessionsFile {
  /** The config dir it was found under, worth trying first next time. */
  readonly configDir: string;
  /** Null when the file exists but is not a sessions file (half-written, garbage, too large). */
  readonly file: SessionsFile | null;
}

/** What one path holds: null when there is no file there. */
type SessionsFileAt = { readonly file: SessionsFile | null } | null;

/** One bounded read of the sessions file at `path`; never throws. */
async function readSessionsFileAt(path: string): Promise<SessionsFileAt> {
  const tail = await readFileTail(path, MAX_SESSIONS_FILE_BYTES);
  return tail === null ? null : { file: tail.fromStart ? parseSessionsFile(tail.text) : null };
}

/**
 * Looks for `sessions/<pid>.json` under each config dir in turn; the first that exists wins.
 * Null when none does (no such Claude process, an older Claude, or /exit removed it). One
 * bounded read per dir tried (see SessionsFileCache for reading only what changed); never throws.
 */
export async function findSessionsFile(
  configDirs: readonly string[],
  pid: number,
  read: (path: string) => Promise<SessionsFileAt> = readSessionsFileAt,
): Promise<FoundSessionsFile | null> {
  for (const configDir of configDirs) {
    const at = await read(toSessionsFilePath(configDir, pid));
    if (at !== null) return { configDir, file: at.file };
  }
  return null;
}

/** Config dirs to try for a session, most specific first, without repeats. */
export function toConfigDirCandidates(...dirs: readonly (string | null)[]): string[] {
  return [...new Set(dirs.filter((dir): dir is string => dir !== null && dir.length > 0))];
}

/**
 * Sessions files as last read, re-read only when their generation moved (an event for the
 * path, see FileGenerations): Claude's write of its status is the event. With no generations
 * every look reads the file. A path not looked up for a whole round is forgotten.
 */
export class SessionsFileCache {
  readonly #files: FileGenerations | null;
  readonly #known = new Map<string, { generation: number; at: SessionsFileAt; round: number }>();
  #round = 0;

  constructor(files: FileGenerations | null) {
    this.#files = files;
  }

  find(configDirs: readonly string[], pid: number): Promise<FoundSessionsFile | null> {
    return findSessionsFile(configDirs, pid, (path) => this.#read(path));
  }

  /** Ends a round: what was not looked up since the previous one is dropped. */
  endRound(): void {
    for (const [path, known] of this.#known) if (known.round < this.#round) this.#known.delete(path);
    this.#round += 1;
  }

  async #read(path: string): Promise<SessionsFileAt> {
    if (this.#files === null) return readSessionsFileAt(path);
    // Taken before the read: a write racing it moves the generation again, so it is read again.
    const generation = this.#files.generation(path);
    const known = this.#known.get(path);
    if (known?.generation === generation) {
      known.round = this.#round;
      return known.at;
    }
    const at = await readSessionsFileAt(path);
    this.#known.set(path, { generation, at, round: this.#round });
    return at;
  }
}
