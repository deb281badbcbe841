import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Registry } from '../../../../src/domain/registry.js';
import type { SessionChange } from '../../../../src/domain/session-event.js';
import type { Session } from '../../../../src/domain/session.js';
import { parseClaudeReport } from '../../../../src/integrations/claude/claude-report.js';
import type { IngestKind } from '../../../../src/protocol/messages.js';
import { hookEvent, statusEvent } from '../../domain/claude-events.js';

/** The hand-made payloads shared by every helper (see the README beside them). */
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'claude', 'shared');
const load = (file: string): unknown => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));

const SESSION_ID = '5b0f7c2e-9d1a-4c3b-8e6f-2a7d9c4e1f03';
const CWD = '/home/alex/code/shop-frontend';
const TRANSCRIPT = `/home/alex/.claude/projects/-home-alex-code-shop-frontend/${SESSION_ID}.jsonl`;

const EXPECTED: Record<string, readonly [kind: IngestKind, label: string, change: SessionChange]> = {
  'session-start.json': [
    'hook',
    'SessionStart',
    { type: 'started', model: { id: 'claude-sonnet-4-5', displayName: 'claude-sonnet-4-5' } },
  ],
  'user-prompt-submit.json': ['hook', 'UserPromptSubmit', { type: 'prompt' }],
  'pre-tool-use-bash.json': ['hook', 'PreToolUse', { type: 'tool-started', tool: 'Bash', summary: 'npm run lint' }],
  'permission-request.json': [
    'hook',
    'PermissionRequest',
    { type: 'waiting', reason: 'permission', tool: 'Bash', summary: 'rm -rf dist' },
  ],
  'post-tool-use-bash.json': ['hook', 'PostToolUse', { type: 'tool-finished' }],
  'stop.json': ['hook', 'Stop', { type: 'idle' }],
  'notification-idle.json': ['hook', 'Notification', { type: 'idle' }],
  'session-end.json': ['hook', 'SessionEnd', { type: 'ended' }],
  'statusline.json': [
    'status',
    'statusLine',
    {
      type: 'metrics',
      model: { id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' },
      context: { usedTokens: 61_000, windowSize: 200_000, usedPercent: 31 },
      cost: { totalUsd: 0.1873, linesAdded: 42, linesRemoved: 7, durationMs: 241_000 },
    },
  ],
};

describe('Claude Code fixtures', () => {
  it('every fixture file has a row below (a new fixture cannot go untested)', () => {
    const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s parses and maps to its change', (file, [kind, label, change]) => {
    const parsed = parseClaudeReport(kind, load(file));
    expect(parsed).toEqual({
      ok: true,
      report: {
        sessionId: SESSION_ID,
        cwd: CWD,
        projectDir: kind === 'status' ? CWD : null,
        transcriptPath: TRANSCRIPT,
        change,
        label,
      },
    });
  });

  it.each(Object.entries(EXPECTED).filter(([, [kind]]) => kind === 'hook'))(
    '%s read as a status line still parses (a wrong kind never throws)',
    (file) => {
      const parsed = parseClaudeReport('status', load(file));
      expect(parsed.ok && parsed.report.change.type).toBe('metrics');
    },
  );

  it('a replay of the whole session goes through the expected states', () => {
    const registry = new Registry({ maxSessions: 10 });
    const t0 = Date.UTC(2025, 0, 15, 9, 0, 0);
    const script: readonly [file: string, expected: Pick<Session, 'status' | 'waitingFor'> | 'removed'][] = [
      ['session-start.json', { status: 'idle', waitingFor: null }],
      ['user-prompt-submit.json', { status: 'working', waitingFor: null }],
      ['pre-tool-use-bash.json', { status: 'working', waitingFor: null }],
      ['permission-request.json', { status: 'waiting', waitingFor: 'permission' }],
      ['statusline.json', { status: 'waiting', waitingFor: 'permission' }],
      ['post-tool-use-bash.json', { status: 'working', waitingFor: null }],
      ['stop.json', { status: 'idle', waitingFor: null }],
      ['statusline.json', { status: 'idle', waitingFor: null }],
      ['notification-idle.json', { status: 'idle', waitingFor: null }],
      ['session-end.json', 'removed'],
    ];
    const seen = script.map(([file], i) => {
      const kind = EXPECTED[file]?.[0];
      const event = kind === 'status' ? statusEvent(load(file), t0 + i * 1000) : hookEvent(load(file), t0 + i * 1000);
      registry.apply(event);
      const session = registry.sessions()[0];
      return session === undefined ? 'removed' : { status: session.status, waitingFor: session.waitingFor };
    });
    expect(seen).toEqual(script.map(([, expected]) => expected));
  });
});
