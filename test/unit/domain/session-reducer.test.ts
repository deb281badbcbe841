import { describe, expect, it } from 'vitest';
import { sessionSchema, type Session } from '../../../src/domain/session.js';
import { T0, hook, toEvents, type Step } from './claude-events.js';
import {
  IDLE,
  RUNNING_BASH,
  WAITING_PERMISSION,
  WAITING_PLAN,
  WAITING_QUESTION,
  WORKING,
  askQuestion,
  exitPlan,
  iso,
  metrics,
  mustRun,
  notification,
  permissionBash,
  permissionWrite,
  postBash,
  postFailure,
  preBash,
  preCompact,
  preEdit,
  prompt,
  run,
  sessionStart,
  stop,
  stopFailure,
  subagentStart,
  subagentStop,
} from './claude-steps.js';

type Expected = Pick<Session, 'status' | 'waitingFor'> & {
  readonly tool: readonly [name: string, summary: string | null] | null;
  readonly subagents?: number;
};

const working = (tool: Expected['tool'] = null): Expected => ({ status: 'working', waitingFor: null, tool });
const idle: Expected = { status: 'idle', waitingFor: null, tool: null };
const waiting = (waitingFor: Session['waitingFor'], tool: Expected['tool'] = null): Expected => ({
  status: 'waiting',
  waitingFor,
  tool,
});
const BASH = ['Bash', 'npm run lint'] as const;

describe('reduceSession: Claude event → status (one row per rule)', () => {
  it.each<[rule: string, before: readonly Step[], event: Step, expected: Expected]>([
    ['SessionStart creates an idle session', [], sessionStart, idle],
    ['SessionStart makes a working session idle (e.g. after /clear)', RUNNING_BASH, sessionStart, idle],
    [
      'PermissionRequest for the AskUserQuestion being asked keeps waiting/question (Claude Code 2.1.331)',
      WAITING_QUESTION,
      { hook: hook('PermissionRequest', { tool_name: 'AskUserQuestion', tool_input: {} }) },
      waiting('question', ['AskUserQuestion', 'Which colour?']),
    ],
    [
      'permission_prompt while a question is asked keeps waiting/question',
      WAITING_QUESTION,
      {
        hook: hook('Notification', { notification_type: 'permission_prompt', message: 'Claude needs your permission' }),
      },
      waiting('question', ['AskUserQuestion', 'Which colour?']),
    ],
    [
      'PermissionRequest for ExitPlanMode keeps waiting/plan',
      WAITING_PLAN,
      { hook: hook('PermissionRequest', { tool_name: 'ExitPlanMode', tool_input: {} }) },
      waiting('plan', ['ExitPlanMode', null]),
    ],
    [
      'SessionStart after an auto-compact leaves a working session working',
      RUNNING_BASH,
      { hook: hook('SessionStart', { source: 'compact' }) },
      working(BASH),
    ],
    ['UserPromptSubmit → working', IDLE, prompt, working()],
    ['UserPromptSubmit answers a question → working, waiting cleared', WAITING_QUESTION, prompt, working()],
    ['PreToolUse → working with that tool', WORKING, preBash, working(BASH)],
    ['PreToolUse replaces the previous tool', RUNNING_BASH, preEdit, working(['Edit', 'src/app.ts'])],
    [
      'PreToolUse while waiting for permission → working with the new tool',
      WAITING_PERMISSION,
      preEdit,
      working(['Edit', 'src/app.ts']),
    ],
    [
      'PreToolUse AskUserQuestion → waiting/question',
      WORKING,
      askQuestion,
      waiting('question', ['AskUserQuestion', 'Which colour?']),
    ],
    ['PreToolUse ExitPlanMode → waiting/plan', WORKING, exitPlan, waiting('plan', ['ExitPlanMode', null])],
    [
      'PermissionRequest → waiting/permission, keeping the running tool',
      RUNNING_BASH,
      permissionBash,
      waiting('permission', BASH),
    ],
    [
      'PermissionRequest with no tool running → waiting/permission for its tool',
      WORKING,
      permissionWrite,
      waiting('permission', ['Write', 'README.md']),
    ],
    [
      'PermissionRequest for another tool → waiting/permission for that tool',
      RUNNING_BASH,
      permissionWrite,
      waiting('permission', ['Write', 'README.md']),
    ],
    [
      'Notification permission_prompt → waiting/permission, keeping the tool',
      RUNNING_BASH,
      notification('permission_prompt'),
      waiting('permission', BASH),
    ],
    [
      'Notification permission_prompt after PermissionRequest → still waiting/permission',
      WAITING_PERMISSION,
      notification('permission_prompt'),
      waiting('permission', BASH),
    ],
    [
      'Notification permission_prompt with no tool → waiting/permission',
      WORKING,
      notification('permission_prompt'),
      waiting('permission'),
    ],
    [
      'Notification elicitation_dialog → waiting/elicitation',
      WORKING,
      notification('elicitation_dialog'),
      waiting('elicitation'),
    ],
    ['Notification idle_prompt → idle', WORKING, notification('idle_prompt'), idle],
    ['Notification idle_prompt while waiting → idle', WAITING_PERMISSION, notification('idle_prompt'), idle],
    [
      'Notification of another type changes nothing (working)',
      RUNNING_BASH,
      notification('auth_success'),
      working(BASH),
    ],
    [
      'Notification of another type changes nothing (waiting)',
      WAITING_QUESTION,
      notification('some_future_type'),
      waiting('question', ['AskUserQuestion', 'Which colour?']),
    ],
    ['Notification of another type changes nothing (idle)', IDLE, notification('auth_success'), idle],
    ['Notification without a type changes nothing', RUNNING_BASH, notification(undefined), working(BASH)],
    ['PostToolUse → working, tool cleared', RUNNING_BASH, postBash, working()],
    ['PostToolUse after a permission → working, tool and waiting cleared', WAITING_PERMISSION, postBash, working()],
    [
      'PostToolUse after AskUserQuestion → working, question cleared',
      WAITING_QUESTION,
      { hook: hook('PostToolUse', { tool_name: 'AskUserQuestion' }) },
      working(),
    ],
    [
      'PostToolUse after ExitPlanMode → working, plan cleared',
      WAITING_PLAN,
      { hook: hook('PostToolUse', { tool_name: 'ExitPlanMode' }) },
      working(),
    ],
    ['PostToolUseFailure → working, tool cleared', RUNNING_BASH, postFailure, working()],
    [
      'PostToolUseFailure with is_interrupt (Esc during the tool) → idle',
      RUNNING_BASH,
      { hook: hook('PostToolUseFailure', { tool_name: 'Bash', is_interrupt: true }) },
      idle,
    ],
    [
      'PostToolUseFailure after a permission (denied) → working, tool and waiting cleared',
      WAITING_PERMISSION,
      postFailure,
      working(),
    ],
    ['Stop → idle, tool cleared', RUNNING_BASH, stop, idle],
    ['Stop while waiting → idle', WAITING_PERMISSION, stop, idle],
    ['StopFailure → idle', WORKING, stopFailure, idle],
    [
      'SubagentStart counts a subagent and leaves the status',
      RUNNING_BASH,
      subagentStart,
      { ...working(BASH), subagents: 1 },
    ],
    [
      'SubagentStop never makes the parent idle',
      [...RUNNING_BASH, subagentStart],
      subagentStop,
      { ...working(BASH), subagents: 0 },
    ],
    [
      'SubagentStop while the parent waits leaves it waiting',
      [...WORKING, subagentStart, askQuestion],
      subagentStop,
      { ...waiting('question', ['AskUserQuestion', 'Which colour?']), subagents: 0 },
    ],
    ['SubagentStop never counts below 0', WORKING, subagentStop, { ...working(), subagents: 0 }],
    ['SubagentStart does not make an idle parent working', IDLE, subagentStart, { ...idle, subagents: 1 }],
    ['PreCompact → working', IDLE, preCompact, working()],
    [
      'PreCompact while waiting → working, waiting cleared',
      WAITING_QUESTION,
      preCompact,
      working(['AskUserQuestion', 'Which colour?']),
    ],
    [
      'an unknown event changes nothing (working)',
      RUNNING_BASH,
      { hook: hook('TeammateIdle', { teammate: 'x' }) },
      working(BASH),
    ],
    [
      'an unknown event changes nothing (waiting)',
      WAITING_PERMISSION,
      { hook: hook('FutureEvent') },
      waiting('permission', BASH),
    ],
    ['an unknown event changes nothing (idle)', IDLE, { hook: hook('FutureEvent') }, idle],
    [
      'a payload without hook_event_name changes nothing',
      RUNNING_BASH,
      { hook: hook('Stop', { hook_event_name: undefined }) },
      working(BASH),
    ],
    [
      'unknown fields on a known event change nothing more',
      RUNNING_BASH,
      { hook: hook('Stop', { brand_new: { deep: [1, 2] }, status: 'working' }) },
      idle,
    ],
    ['a status line never changes the status (idle)', [...RUNNING_BASH, stop], metrics, idle],
    ['a status line never changes the status (working)', RUNNING_BASH, metrics, working(BASH)],
    ['a status line never changes the status (waiting)', WAITING_PERMISSION, metrics, waiting('permission', BASH)],
  ])('%s', (_rule, before, event, expected) => {
    const entry = mustRun(toEvents([...before, event]));
    const s = entry.session;
    expect({
      status: s.status,
      waitingFor: s.waitingFor,
      tool: s.tool === null ? null : [s.tool.name, s.tool.summary],
    }).toEqual({
      status: expected.status,
      waitingFor: expected.waitingFor,
      tool: expected.tool,
    });
    if (expected.subagents !== undefined) expect(s.subagents).toBe(expected.subagents);
    // Whatever happened, the result is still a valid public session.
    expect(sessionSchema.safeParse(s).success).toBe(true);
  });

  it.each<[rule: string, before: readonly Step[]]>([
    ['SessionEnd removes an idle session', IDLE],
    ['SessionEnd removes a working session', RUNNING_BASH],
    ['SessionEnd removes a waiting session', WAITING_PERMISSION],
    ['SessionEnd for a session never seen creates nothing', []],
  ])('%s', (_rule, before) => {
    expect(run(toEvents([...before, { hook: hook('SessionEnd', { reason: 'prompt_input_exit' }) }]))).toBeNull();
  });
});

describe('reduceSession: the tool', () => {
  it('a tool starts when its PreToolUse was reported', () => {
    const s = mustRun(toEvents(RUNNING_BASH)).session;
    expect(s.tool).toEqual({ name: 'Bash', summary: 'npm run lint', startedAt: iso(T0 + 2000) });
  });

  it.each<[rule: string, waitingStep: Step]>([
    ['PermissionRequest for the running tool keeps when it started', permissionBash],
    ['Notification permission_prompt keeps when the tool started', notification('permission_prompt')],
  ])('%s', (_rule, waitingStep) => {
    const s = mustRun(toEvents([...RUNNING_BASH, waitingStep])).session;
    expect(s.tool?.startedAt).toBe(iso(T0 + 2000));
  });

  it('PermissionRequest for a tool that did not run starts that tool at the request', () => {
    const s = mustRun(toEvents([...WORKING, permissionWrite])).session;
    expect(s.tool).toEqual({ name: 'Write', summary: 'README.md', startedAt: iso(T0 + 2000) });
  });

  it('PreToolUse without a tool_name still means working, with an unnamed tool', () => {
    const s = mustRun(toEvents([...WORKING, { hook: hook('PreToolUse', { tool_input: { command: 'ls' } }) }])).session;
    expect(s.status).toBe('working');
    expect(s.tool?.name).toBe('unknown');
  });
});
