import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionId } from '../../../../src/domain/ids.js';
import type { SessionEntry } from '../../../../src/domain/session-reducer.js';
import type { Session, Tool, WaitingFor } from '../../../../src/domain/session.js';
import type { SessionsFile } from '../../../../src/integrations/claude/sessions-file.js';

/** The captures of the real Claude Code 2.1.331 (see test/fixtures/claude/2.1.331). */
export const CAPTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'claude', '2.1.331');

export const captureText = (scenario: string, file: string): string =>
  readFileSync(join(CAPTURES, scenario, file), 'utf8');

/** Every `sessions-file-*.json` capture, as [scenario, file name]. */
export function capturedSessionsFiles(): [string, string][] {
  return readdirSync(CAPTURES, { withFileTypes: true })
    .filter((dir) => dir.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(CAPTURES, dir.name))
        .filter((name) => name.startsWith('sessions-file-') && name.endsWith('.json'))
        .filter((name) => captureText(dir.name, name).trim() !== '<absent>')
        .map((name): [string, string] => [dir.name, name]),
    );
}

export const SID = 'c19976b9-5ead-42c0-be6e-5347919af2b1' as SessionId;
export const PID = 10671;
export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

export interface EntryShape {
  readonly status: Session['status'];
  readonly waitingFor?: WaitingFor | null;
  readonly tool?: Tool | null;
  readonly statusAt: number;
  readonly pid?: number | null;
  readonly pidStart?: string | null;
}

/** A registry entry in a given state, as the reducer would have left it. */
export function entry(shape: EntryShape): SessionEntry {
  return {
    session: {
      id: SID,
      agent: 'claude-code',
      status: shape.status,
      waitingFor: shape.waitingFor ?? null,
      tool: shape.tool ?? null,
      model: null,
      context: null,
      cost: null,
      cwd: '/home/user/project',
      projectDir: null,
      project: 'project',
      branch: null,
      pid: shape.pid === undefined ? PID : shape.pid,
      tmux: null,
      startedAt: new Date(T0 - 60_000).toISOString(),
      lastEventAt: new Date(shape.statusAt).toISOString(),
      subagents: 0,
      host: 'local',
    },
    statusAt: shape.statusAt,
    metricsAt: Number.NEGATIVE_INFINITY,
    pidStart: shape.pidStart === undefined ? '218752' : shape.pidStart,
    transcriptPath: `/home/user/.claude/projects/-home-user-project/${SID}.jsonl`,
  };
}

/** A sessions file as 2.1.331 writes it (the esc-long-tool capture's fields), `status` at `at`. */
export function sessionsFile(status: string, at: number, extra: Record<string, unknown> = {}): SessionsFile {
  return {
    pid: PID,
    sessionId: SID,
    cwd: '/home/user/project',
    procStart: '218752',
    version: '2.1.331',
    tmux: 's1:@0.%0',
    status,
    updatedAt: at,
    statusUpdatedAt: at,
    ...extra,
  };
}
