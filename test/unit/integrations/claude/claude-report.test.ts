import { describe, expect, it } from 'vitest';
import { parseClaudeReport, type ReportParse } from '../../../../src/integrations/claude/claude-report.js';
import { hookPayloadSchema, statusLinePayloadSchema } from '../../../../src/integrations/claude/payload-schemas.js';
import type { IngestKind } from '../../../../src/protocol/messages.js';

const KINDS: readonly IngestKind[] = ['hook', 'status'];
const SID = '5b0f7c2e-9d1a-4c3b-8e6f-2a7d9c4e1f03';

function mustParse(kind: IngestKind, payload: unknown) {
  const parsed = parseClaudeReport(kind, payload);
  if (!parsed.ok) throw new Error(`refused: ${parsed.reason}`);
  return parsed.report;
}

const isReason = (parsed: ReportParse): boolean => !parsed.ok && parsed.reason.length > 0;

describe('parseClaudeReport: what is not a report is a reason, never a throw', () => {
  const notObjects: readonly [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', '{"session_id":"x"}'],
    ['a boolean', true],
    ['an empty array', []],
    ['an array of payloads', [{ session_id: SID, hook_event_name: 'Stop' }]],
  ];
  it.each(KINDS.flatMap((kind) => notObjects.map(([name, value]) => [kind, name, value] as const)))(
    '%s: %s',
    (kind, _name, value) => {
      expect(isReason(parseClaudeReport(kind, value))).toBe(true);
    },
  );

  const badIds: readonly [string, unknown][] = [
    ['missing', undefined],
    ['a number', 12345],
    ['null', null],
    ['an object', { id: SID }],
    ['empty', ''],
    ['with a slash', '../../etc/passwd'],
    ['with a space', 'a b'],
    ['with a newline', 'abc\ndef'],
    ['with an escape sequence', 'abc\u001b[2J'],
    ['longer than 200 characters', 'a'.repeat(201)],
  ];
  it.each(KINDS.flatMap((kind) => badIds.map(([name, value]) => [kind, name, value] as const)))(
    '%s: a session_id that is %s',
    (kind, _name, value) => {
      const payload = { hook_event_name: 'Stop', ...(value === undefined ? {} : { session_id: value }) };
      expect(isReason(parseClaudeReport(kind, payload))).toBe(true);
    },
  );

  it.each<[kind: IngestKind, id: string]>([
    ['hook', SID],
    ['hook', 'a'.repeat(200)],
    ['status', 'session_1.2:3'],
  ])('%s: a session_id like %s is accepted', (kind, id) => {
    expect(mustParse(kind, { session_id: id }).sessionId).toBe(id);
  });
});

describe('parseClaudeReport: hook payloads are read tolerantly', () => {
  it.each<[rule: string, payload: Record<string, unknown>, expected: Record<string, unknown>]>([
    [
      'only a session_id: a sign of life',
      { session_id: SID },
      { cwd: null, transcriptPath: null, label: 'unknown', change: { type: 'seen' } },
    ],
    [
      'a cwd of the wrong type is dropped',
      { session_id: SID, hook_event_name: 'Stop', cwd: 42 },
      { cwd: null, change: { type: 'idle' } },
    ],
    [
      'a transcript_path of the wrong type is dropped',
      { session_id: SID, hook_event_name: 'Stop', transcript_path: ['x'] },
      { transcriptPath: null, change: { type: 'idle' } },
    ],
    [
      'a hook_event_name of the wrong type is unknown',
      { session_id: SID, hook_event_name: 7 },
      { label: 'unknown', change: { type: 'seen' } },
    ],
    [
      'a tool_name of the wrong type is an unnamed tool',
      { session_id: SID, hook_event_name: 'PreToolUse', tool_name: { n: 1 }, tool_input: { command: 'ls' } },
      { change: { type: 'tool-started', tool: 'unknown', summary: 'ls' } },
    ],
    [
      'a tool_input of the wrong type has no summary',
      { session_id: SID, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: 'ls -la' },
      { change: { type: 'tool-started', tool: 'Bash', summary: null } },
    ],
    [
      'a null tool_input has no summary',
      { session_id: SID, hook_event_name: 'PermissionRequest', tool_name: 'Bash', tool_input: null },
      { change: { type: 'waiting', reason: 'permission', tool: 'Bash', summary: null } },
    ],
    [
      'a notification_type of the wrong type changes nothing',
      { session_id: SID, hook_event_name: 'Notification', notification_type: ['idle_prompt'] },
      { change: { type: 'seen' } },
    ],
    [
      'a model of the wrong type is no model',
      { session_id: SID, hook_event_name: 'SessionStart', model: 4.5 },
      { change: { type: 'started', model: null } },
    ],
    [
      'unknown keys change nothing',
      {
        session_id: SID,
        hook_event_name: 'Stop',
        brand_new: { nested: [1, { deep: null }] },
        status: 'busy',
        tool_name: 'Bash',
      },
      { change: { type: 'idle' } },
    ],
    [
      'a hook payload never sets the project dir',
      { session_id: SID, hook_event_name: 'Stop', workspace: { project_dir: '/x' } },
      { projectDir: null },
    ],
  ])('%s', (_rule, payload, expected) => {
    expect(mustParse('hook', payload)).toMatchObject(expected);
  });

  it('an inherited __proto__ key from JSON cannot smuggle in fields', () => {
    const payload: unknown = JSON.parse(`{"session_id":"${SID}","__proto__":{"hook_event_name":"Stop","cwd":"/evil"}}`);
    expect(mustParse('hook', payload)).toMatchObject({ cwd: null, change: { type: 'seen' } });
  });

  it('keeps unknown keys in what it read (Claude adds fields every few weeks)', () => {
    const read = hookPayloadSchema.parse({
      session_id: SID,
      hook_event_name: 'Stop',
      stop_hook_active: true,
      extra: { a: 1 },
    });
    expect(read).toMatchObject({ stop_hook_active: true, extra: { a: 1 } });
  });
});

describe('parseClaudeReport: status-line payloads are read tolerantly', () => {
  it.each<[rule: string, payload: Record<string, unknown>, expected: Record<string, unknown>]>([
    [
      'only a session_id: metrics with nothing in them',
      { session_id: SID },
      {
        cwd: null,
        projectDir: null,
        label: 'statusLine',
        change: { type: 'metrics', model: null, context: null, cost: null },
      },
    ],
    [
      'workspace.current_dir wins over cwd',
      { session_id: SID, cwd: '/a', workspace: { current_dir: '/b', project_dir: '/p' } },
      { cwd: '/b', projectDir: '/p' },
    ],
    [
      'cwd is the fallback when workspace has no current_dir',
      { session_id: SID, cwd: '/a', workspace: { project_dir: '/p' } },
      { cwd: '/a', projectDir: '/p' },
    ],
    [
      'a workspace of the wrong type is dropped',
      { session_id: SID, cwd: '/a', workspace: '/b' },
      { cwd: '/a', projectDir: null },
    ],
    [
      'a workspace.current_dir of the wrong type is dropped',
      { session_id: SID, cwd: '/a', workspace: { current_dir: 5 } },
      { cwd: '/a' },
    ],
    [
      'a model of the wrong type is no model',
      { session_id: SID, model: 'claude-sonnet-4-5' },
      { change: { type: 'metrics', model: null } },
    ],
    [
      'a model without an id is no model',
      { session_id: SID, model: { display_name: 'Sonnet' } },
      { change: { type: 'metrics', model: null } },
    ],
    [
      'a cost of the wrong type is no cost',
      { session_id: SID, cost: [1, 2] },
      { change: { type: 'metrics', cost: null } },
    ],
    [
      'cost fields of the wrong type count as 0',
      { session_id: SID, cost: { total_cost_usd: '0.5', total_lines_added: 3 } },
      { change: { type: 'metrics', cost: { totalUsd: 0, linesAdded: 3, linesRemoved: 0, durationMs: 0 } } },
    ],
    [
      'a context_window of the wrong type is no context',
      { session_id: SID, context_window: [] },
      { change: { type: 'metrics', context: null } },
    ],
    [
      'a current_usage of the wrong type counts as nothing used',
      { session_id: SID, context_window: { context_window_size: 1000, current_usage: 'lots' } },
      { change: { type: 'metrics', context: { usedTokens: 0, windowSize: 1000, usedPercent: 0 } } },
    ],
    [
      'unknown keys everywhere change nothing',
      {
        session_id: SID,
        future: 1,
        model: { id: 'm', display_name: 'M', tier: 'x' },
        context_window: { context_window_size: 100, used_percentage: 5, new_field: {} },
      },
      {
        change: {
          type: 'metrics',
          model: { id: 'm', displayName: 'M' },
          context: { usedTokens: 5, windowSize: 100, usedPercent: 5 },
        },
      },
    ],
  ])('%s', (_rule, payload, expected) => {
    expect(mustParse('status', payload)).toMatchObject(expected);
  });

  it('keeps unknown keys in what it read', () => {
    const read = statusLinePayloadSchema.parse({
      session_id: SID,
      exceeds_200k_tokens: true,
      model: { id: 'm', tier: 2 },
    });
    expect(read).toMatchObject({ exceeds_200k_tokens: true, model: { id: 'm', tier: 2 } });
  });
});
