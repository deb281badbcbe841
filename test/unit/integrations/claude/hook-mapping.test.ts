import { describe, expect, it } from 'vitest';
import type { SessionChange } from '../../../../src/domain/session-event.js';
import { CLAUDE_HOOK_EVENTS, toSessionChange } from '../../../../src/integrations/claude/hook-mapping.js';
import { hookPayloadSchema } from '../../../../src/integrations/claude/payload-schemas.js';

const change = (payload: Record<string, unknown>): SessionChange => toSessionChange(hookPayloadSchema.parse(payload));
const bash = { tool_name: 'Bash', tool_input: { command: 'npm test' } };

describe('toSessionChange: hook event → change', () => {
  it.each<[event: string, fields: Record<string, unknown>, expected: SessionChange]>([
    ['SessionStart', { source: 'startup' }, { type: 'started', model: null }],
    ['SessionEnd', { reason: 'logout' }, { type: 'ended' }],
    ['UserPromptSubmit', { prompt: 'hi' }, { type: 'prompt' }],
    ['PreToolUse', bash, { type: 'tool-started', tool: 'Bash', summary: 'npm test' }],
    [
      'PreToolUse',
      { tool_name: 'mcp__github__create_issue', tool_input: { title: 'x' } },
      { type: 'tool-started', tool: 'mcp__github__create_issue', summary: null },
    ],
    [
      'PreToolUse',
      { tool_name: 'AskUserQuestion', tool_input: { questions: [{ question: 'Ship it?' }] } },
      { type: 'waiting', reason: 'question', tool: 'AskUserQuestion', summary: 'Ship it?' },
    ],
    [
      'PreToolUse',
      { tool_name: 'ExitPlanMode', tool_input: { plan: '## Plan' } },
      { type: 'waiting', reason: 'plan', tool: 'ExitPlanMode', summary: null },
    ],
    ['PreToolUse', {}, { type: 'tool-started', tool: 'unknown', summary: null }],
    ['PermissionRequest', bash, { type: 'waiting', reason: 'permission', tool: 'Bash', summary: 'npm test' }],
    ['PermissionRequest', {}, { type: 'waiting', reason: 'permission', tool: null, summary: null }],
    [
      'Notification',
      { notification_type: 'permission_prompt' },
      { type: 'waiting', reason: 'permission', tool: null, summary: null },
    ],
    [
      'Notification',
      { notification_type: 'elicitation_dialog' },
      { type: 'waiting', reason: 'elicitation', tool: null, summary: null },
    ],
    ['Notification', { notification_type: 'idle_prompt' }, { type: 'idle' }],
    ['Notification', { notification_type: 'auth_success' }, { type: 'seen' }],
    ['Notification', { notification_type: 'something_new' }, { type: 'seen' }],
    ['Notification', { message: 'no type' }, { type: 'seen' }],
    ['PostToolUse', bash, { type: 'tool-finished' }],
    ['PostToolUseFailure', bash, { type: 'tool-finished' }],
    ['Stop', {}, { type: 'idle' }],
    ['StopFailure', { error: 'rate_limit' }, { type: 'idle' }],
    ['SubagentStart', { agent_id: 'a', agent_type: 'Explore' }, { type: 'subagent-started', agentId: 'a' }],
    ['SubagentStop', { agent_id: 'a' }, { type: 'subagent-stopped', agentId: 'a' }],
    ['PreCompact', { trigger: 'manual' }, { type: 'working' }],
    ['TeammateIdle', {}, { type: 'seen' }],
    ['SomethingFromTheFuture', { whatever: [1] }, { type: 'seen' }],
    ['stop', {}, { type: 'seen' }],
    ['', {}, { type: 'seen' }],
  ])('%s %j → %j', (event, fields, expected) => {
    expect(change({ session_id: 's', hook_event_name: event, ...fields })).toEqual(expected);
  });

  it('a payload without hook_event_name is only a sign of life', () => {
    expect(change({ session_id: 's', tool_name: 'Bash' })).toEqual({ type: 'seen' });
  });

  it('every event atm installs maps to something other than "seen"', () => {
    // A Notification's meaning is its type; every other event ignores notification_type.
    const unmapped = CLAUDE_HOOK_EVENTS.filter(
      (event) => change({ hook_event_name: event, notification_type: 'idle_prompt' }).type === 'seen',
    );
    expect(unmapped).toEqual([]);
  });

  it('atm installs exactly the hooks the Claude integration issue lists', () => {
    expect([...CLAUDE_HOOK_EVENTS].sort()).toEqual(
      [
        'SessionStart',
        'SessionEnd',
        'UserPromptSubmit',
        'PreToolUse',
        'PostToolUse',
        'PostToolUseFailure',
        'PermissionRequest',
        'Notification',
        'Stop',
        'StopFailure',
        'SubagentStart',
        'SubagentStop',
        'PreCompact',
      ].sort(),
    );
  });
});

describe('toSessionChange: the model SessionStart names', () => {
  it.each<[rule: string, model: unknown, expected: unknown]>([
    ['a bare id', 'claude-sonnet-4-5', { id: 'claude-sonnet-4-5', displayName: 'claude-sonnet-4-5' }],
    [
      'an object with a display name',
      { id: 'claude-opus-4-1', display_name: 'Opus 4.1' },
      { id: 'claude-opus-4-1', displayName: 'Opus 4.1' },
    ],
    [
      'an object without a display name',
      { id: 'claude-opus-4-1' },
      { id: 'claude-opus-4-1', displayName: 'claude-opus-4-1' },
    ],
    [
      'a display name of the wrong type falls back to the id',
      { id: 'm', display_name: 3 },
      { id: 'm', displayName: 'm' },
    ],
    ['an object without an id', { display_name: 'Opus' }, null],
    ['an empty string', '', null],
    ['a number', 4, null],
    ['null', null, null],
    ['an array', ['claude'], null],
    ['missing', undefined, null],
  ])('%s', (_rule, model, expected) => {
    expect(change({ session_id: 's', hook_event_name: 'SessionStart', model })).toEqual({
      type: 'started',
      model: expected,
    });
  });
});
