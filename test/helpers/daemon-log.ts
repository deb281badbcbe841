import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollFor } from './poll.js';

export interface LogRecord {
  readonly level: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

/** Every JSON line atmd wrote to its log files under `<stateDir>/log` (atmd-YYYY-MM-DD.log). */
export function readDaemonLog(stateDir: string): LogRecord[] {
  const dir = join(stateDir, 'log');
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((name) => name.startsWith('atmd-') && name.endsWith('.log'))
      .sort();
  } catch {
    return [];
  }
  const records: LogRecord[] = [];
  for (const file of files) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        records.push(JSON.parse(line) as LogRecord);
      } catch {
        records.push({ level: 'unparsable', message: line });
      }
    }
  }
  return records;
}

/** Polls the log (winston writes asynchronously) until a record matches. */
export function waitForLog(stateDir: string, match: (record: LogRecord) => boolean, what: string): Promise<LogRecord> {
  return pollFor(() => readDaemonLog(stateDir).find(match), { what: `a log line: ${what}`, timeoutMs: 10_000 });
}
