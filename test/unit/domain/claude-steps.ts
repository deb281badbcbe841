import type { SessionEvent } from '../../../src/domain/session-event.js';
import { reduceSession, type SessionEntry } from '../../../src/domain/session-reducer.js';
import { hook, statusLine, type Step } from './claude-events.js';

/**
 * The reducer tables' vocabulary: Claude Code's payloads as named steps, and the histories that put
 * a session in a given state before the event under test.
 */
/** Folds events through the pure reducer, as the registry does for one session. */
export function run(events: readonly SessionEvent[], from?: SessionEntry): SessionEntry | null {
  let entry: SessionEntry | null | undefined = from;
  for (const event of events) entry = reduceSession(entry ?? undefined, event);
  return entry ?? null;
}

export function mustRun(events: readonly SessionEvent[], from?: SessionEntry): SessionEntry {
  const entry = run(events, from);
  if (entry === null) throw new Error('the session was removed');
  return entry;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

// Claude Code's payloads, in its own words.
export const sessionStart: Step = { hook: hook('SessionStart', { source: 'startup', model: 'claude-sonnet-4-5' }) };
export const prompt: Step = { hook: hook('UserPromptSubmit', { prompt: 'add a spinner' }) };
export const preBash: Step = {
  hook: hook('PreToolUse', { tool_name: 'Bash', tool_input: { command: 'npm run lint' } }),
};
export const preEdit: Step = {
  hook: hook('PreToolUse', { tool_name: 'Edit', tool_input: { file_path: 'src/app.ts' } }),
};
export const askQuestion: Step = {
  hook: hook('PreToolUse', {
    tool_name: 'AskUserQuestion',
    tool_input: { questions: [{ question: 'Which colour?', options: [{ label: 'red' }] }] },
  }),
};
export const exitPlan: Step = {
  hook: hook('PreToolUse', { tool_name: 'ExitPlanMode', tool_input: { plan: '1. do it' } }),
};
export const permissionBash: Step = {
  hook: hook('PermissionRequest', { tool_name: 'Bash', tool_input: { command: 'npm run lint' } }),
};
export const permissionWrite: Step = {
  hook: hook('PermissionRequest', { tool_name: 'Write', tool_input: { file_path: 'README.md' } }),
};
export const notification = (type: string | undefined): Step => ({
  hook: hook('Notification', {
    message: 'Claude needs you',
    ...(type === undefined ? {} : { notification_type: type }),
  }),
});
export const postBash: Step = { hook: hook('PostToolUse', { tool_name: 'Bash', tool_response: { stdout: 'ok' } }) };
export const postFailure: Step = { hook: hook('PostToolUseFailure', { tool_name: 'Bash', error: 'exit 1' }) };
export const stop: Step = { hook: hook('Stop', { stop_hook_active: false }) };
export const stopFailure: Step = { hook: hook('StopFailure', { error: 'rate_limit' }) };
export const subagentStart: Step = { hook: hook('SubagentStart', { agent_id: 'a1', agent_type: 'Explore' }) };
export const subagentStop: Step = { hook: hook('SubagentStop', { agent_id: 'a1', agent_type: 'Explore' }) };
export const preCompact: Step = { hook: hook('PreCompact', { trigger: 'auto' }) };
export const metrics: Step = { status: statusLine() };

// Where a session stands before the event under test.
export const IDLE = [sessionStart];
export const WORKING = [sessionStart, prompt];
export const RUNNING_BASH = [...WORKING, preBash];
export const WAITING_PERMISSION = [...RUNNING_BASH, permissionBash];
export const WAITING_QUESTION = [...WORKING, askQuestion];
export const WAITING_PLAN = [...WORKING, exitPlan];
