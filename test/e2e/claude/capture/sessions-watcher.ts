import { readFile } from 'node:fs/promises';

/**
 * Polls Claude Code's own live-state file ($CLAUDE_CONFIG_DIR/sessions/<pid>.json) and records
 * every change of `status` / `waitingFor`, with the time we saw it. No hook fires for Esc, so
 * this file is the only witness of some transitions; its timing is what atm must match.
 */
/**
 * `torn`: the file existed but was not valid JSON. Claude Code rewrites it in place (not
 * temp + rename), so a reader can catch it half-written; seen with 2.1.331.
 */
export type SessionsFileState = 'absent' | 'torn' | 'present';

export interface SessionsFileChange {
  readonly atMs: number;
  readonly state: SessionsFileState;
  /** undefined unless the file is present and parsed. */
  readonly status: string | undefined;
  readonly waitingFor: string | undefined;
  /** The file's own statusUpdatedAt, when present. */
  readonly statusUpdatedAtMs: number | undefined;
  /** Raw file text at that moment, for fixtures. */
  readonly text: string | undefined;
}

export interface SessionsWatcher extends AsyncDisposable {
  readonly changes: readonly SessionsFileChange[];
  /** Current raw text (read now), or undefined when absent. */
  snapshot(): Promise<string | undefined>;
  stop(): Promise<void>;
}

function toChange(text: string | undefined, atMs: number): SessionsFileChange {
  let fields: Record<string, unknown> = {};
  let state: SessionsFileState = text === undefined ? 'absent' : 'present';
  try {
    if (text !== undefined) fields = JSON.parse(text) as Record<string, unknown>;
  } catch {
    state = 'torn'; // caught mid-write; the raw text is kept as evidence
  }
  const str = (key: string): string | undefined => {
    const value = fields[key];
    return typeof value === 'string' ? value : undefined;
  };
  const updated = fields['statusUpdatedAt'];
  return {
    atMs,
    state,
    status: str('status'),
    waitingFor: str('waitingFor'),
    statusUpdatedAtMs: typeof updated === 'number' ? updated : undefined,
    text,
  };
}

export function watchSessionsFile(path: string, intervalMs = 25): SessionsWatcher {
  const changes: SessionsFileChange[] = [];
  const read = (): Promise<string | undefined> => readFile(path, 'utf8').catch(() => undefined);
  let lastKey = '<never read>';
  const tick = async (): Promise<void> => {
    const change = toChange(await read(), Date.now());
    const key = `${change.state}|${change.status}|${change.waitingFor}`;
    if (key !== lastKey) changes.push(change);
    lastKey = key;
  };
  let running = tick();
  const timer = setInterval(() => {
    running = running.then(tick);
  }, intervalMs);
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    await running;
  };
  return { changes, snapshot: read, stop, [Symbol.asyncDispose]: stop };
}
