import { z } from 'zod';
import { toPaneId, type PaneId } from '../../domain/ids.js';

/**
 * `<configDir>/sessions/<pid>.json`: the file Claude Code (2.1.x) keeps for each running
 * interactive process and deletes at /exit. Newer versions write the process's own view of its
 * status there (`idle` | `busy` | `waiting`), which is how atm learns of an Esc no hook reports.
 * Read tolerantly, like every Claude payload: every field optional, a wrong type dropped to
 * undefined, unknown keys kept.
 */
const str = z.string().optional().catch(undefined);
const time = z.number().finite().optional().catch(undefined);

export const sessionsFileSchema = z.looseObject({
  pid: z.number().int().optional().catch(undefined),
  sessionId: str,
  /** The process's start time as Claude read it (Linux: clock ticks after boot, like /proc). */
  procStart: str,
  status: str,
  /** Free text ("permission prompt", "input needed") while status is "waiting". */
  waitingFor: str,
  /** Epoch ms, Claude's clock (the same machine as the hooks'). */
  statusUpdatedAt: time,
  updatedAt: time,
  /** "<session name>:@<window id>.%<pane id>" when Claude runs inside tmux. */
  tmux: str,
  cwd: str,
});
export type SessionsFile = z.infer<typeof sessionsFileSchema>;

/** Larger than any real sessions file (about 600 bytes) by far; anything bigger is not one. */
export const MAX_SESSIONS_FILE_BYTES = 64 * 1024;

/** Parses the file's text; null when it is not a JSON object (half-written, garbage, empty). */
export function parseSessionsFile(text: string): SessionsFile | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = sessionsFileSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The path of the sessions file of process `pid` under a Claude config dir. */
export function toSessionsFilePath(configDir: string, pid: number): string {
  return `${configDir.replace(/\/+$/, '')}/sessions/${pid}.json`;
}

/**
 * The pane of the `tmux` field. tmux forbids ":" and "." in session names, so the last ":@"
 * splits name from window; the pane id is validated like every pane id atm passes on.
 */
export function toSessionsFilePane(tmux: string | undefined): PaneId | null {
  const match = tmux === undefined ? null : /:@\d+\.(%\d+)$/.exec(tmux);
  return match === null ? null : toPaneId(match[1]);
}

/**
 * The config dir a transcript lives under: `<configDir>/projects/<slug>/<session>.jsonl`.
 * A session started with its own CLAUDE_CONFIG_DIR shows it only this way. Null for any other shape.
 */
export function toConfigDirFromTranscript(transcriptPath: string | null): string | null {
  if (transcriptPath === null || !transcriptPath.startsWith('/')) return null;
  const parts = transcriptPath.split('/');
  if (parts.length < 5 || parts.at(-3) !== 'projects' || !(parts.at(-1) ?? '').endsWith('.jsonl')) return null;
  if (parts.includes('..')) return null;
  const dir = parts.slice(0, -3).join('/');
  return dir.length > 0 ? dir : null;
}
