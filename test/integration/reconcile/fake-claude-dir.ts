import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/built.js';

/** What Claude Code keeps under a config dir, written by the test in its place. */
export interface FakeClaudeDir {
  readonly path: string;
  /** `<dir>/projects/-home-user-project/<session>.jsonl` (created empty). */
  transcriptOf(sessionId: string): string;
  /** Writes `sessions/<pid>.json` atomically, as a JSON object or raw text. */
  writeSessionsFile(pid: number, content: Record<string, unknown> | string): void;
  appendTranscript(sessionId: string, ...records: Record<string, unknown>[]): void;
}

export function fakeClaudeDir(path: string): FakeClaudeDir {
  mkdirSync(join(path, 'sessions'), { recursive: true });
  mkdirSync(join(path, 'projects', '-home-user-project'), { recursive: true });
  const transcriptOf = (sessionId: string): string => {
    const file = join(path, 'projects', '-home-user-project', `${sessionId}.jsonl`);
    appendFileSync(file, '');
    return file;
  };
  return {
    path,
    transcriptOf,
    writeSessionsFile(pid, content) {
      const file = join(path, 'sessions', `${pid}.json`);
      writeFileSync(`${file}.tmp`, typeof content === 'string' ? content : JSON.stringify(content));
      renameSync(`${file}.tmp`, file);
    },
    appendTranscript(sessionId, ...records) {
      appendFileSync(transcriptOf(sessionId), records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    },
  };
}

const CAPTURES = join(REPO_ROOT, 'test', 'fixtures', 'claude', '2.1.331');

/**
 * A sessions file captured from Claude Code 2.1.331, made to describe this test's process and
 * session. `which` is a capture's file name, or a status: the scenario's first capture with it
 * (capture file numbers change from one recording to the next; statuses do not).
 */
export function capturedSessionsFile(
  scenario: string,
  which: string,
  fields: { pid: number; sessionId: string; at: number },
): Record<string, unknown> {
  const dir = join(CAPTURES, scenario);
  const parse = (name: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
  const name = which.endsWith('.json')
    ? which
    : readdirSync(dir)
        .filter((file) => file.startsWith('sessions-file-') && file.endsWith('.json'))
        .sort()
        .find((file) => {
          try {
            return parse(file).status === which;
          } catch {
            return false;
          }
        });
  if (name === undefined) throw new Error(`no ${which} sessions file captured in ${scenario}`);
  // procStart is left out: the fake agent's start time is not the captured one.
  const { procStart: _ignored, ...rest } = parse(name);
  return { ...rest, pid: fields.pid, sessionId: fields.sessionId, statusUpdatedAt: fields.at, updatedAt: fields.at };
}

/** A transcript record as Claude Code writes it for the user's Esc during a tool. */
export function interruptRecord(sessionId: string, at: number): Record<string, unknown> {
  return {
    parentUuid: 'p',
    isSidechain: false,
    type: 'user',
    message: { role: 'user', content: [{ type: 'text', text: '[Request interrupted by user for tool use]' }] },
    uuid: 'u',
    timestamp: new Date(at).toISOString(),
    sessionId,
    version: '2.1.331',
  };
}
