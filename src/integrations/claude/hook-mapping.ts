import type { SessionChange } from '../../domain/session-event.js';
import type { Model } from '../../domain/session.js';
import type { HookPayload } from './payload-schemas.js';
import { summarizeToolInput } from './tool-summary.js';

/** Claude Code's hook events that atm installs, in the order the docs list them. */
export const CLAUDE_HOOK_EVENTS = [
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
] as const;
export type ClaudeHookEvent = (typeof CLAUDE_HOOK_EVENTS)[number];

/** Tools whose start means Claude waits for the human, not for the machine. */
const WAITING_TOOLS: Readonly<Record<string, 'question' | 'plan'>> = {
  AskUserQuestion: 'question',
  ExitPlanMode: 'plan',
};

const isKnownEvent = (name: string | undefined): name is ClaudeHookEvent =>
  (CLAUDE_HOOK_EVENTS as readonly string[]).includes(name ?? '');

/** Translates one hook payload into atm's agent-agnostic change (docs/STATUS.md has the table). */
export function toSessionChange(payload: HookPayload): SessionChange {
  const name = payload.hook_event_name;
  if (!isKnownEvent(name)) return { type: 'seen' };
  const tool = payload.tool_name ?? null;
  const summary = summarizeToolInput(payload.tool_input);
  switch (name) {
    case 'SessionStart':
      // After an auto-compact mid-turn Claude Code starts the session again with source
      // "compact" while it keeps working: that must not read idle or forget running subagents.
      return payload.source === 'compact' ? { type: 'seen' } : { type: 'started', model: toModel(payload.model) };
    case 'SessionEnd':
      return { type: 'ended' };
    case 'UserPromptSubmit':
      return { type: 'prompt' };
    case 'PreToolUse': {
      const reason = tool === null ? undefined : WAITING_TOOLS[tool];
      return reason === undefined
        ? { type: 'tool-started', tool: tool ?? 'unknown', summary }
        : { type: 'waiting', reason, tool, summary };
    }
    case 'PermissionRequest':
      return { type: 'waiting', reason: 'permission', tool, summary };
    case 'Notification':
      return toNotificationChange(payload.notification_type);
    case 'PostToolUse':
      return { type: 'tool-finished' };
    case 'PostToolUseFailure':
      // Versions that report the tool the user interrupted with Esc say so: the turn is over.
      return payload.is_interrupt === true ? { type: 'idle' } : { type: 'tool-finished' };
    case 'Stop':
    case 'StopFailure':
      return { type: 'idle' };
    case 'SubagentStart':
      return { type: 'subagent-started', agentId: payload.agent_id ?? null };
    case 'SubagentStop':
      return { type: 'subagent-stopped', agentId: payload.agent_id ?? null };
    case 'PreCompact':
      return { type: 'working' };
  }
}

function toNotificationChange(kind: string | undefined): SessionChange {
  switch (kind) {
    case 'permission_prompt':
      return { type: 'waiting', reason: 'permission', tool: null, summary: null };
    case 'elicitation_dialog':
      return { type: 'waiting', reason: 'elicitation', tool: null, summary: null };
    case 'idle_prompt':
      return { type: 'idle' };
    case undefined:
    default:
      return { type: 'seen' };
  }
}

/** SessionStart carries the model as a bare id in some versions and as {id, display_name} in others. */
function toModel(value: unknown): Model | null {
  if (typeof value === 'string' && value.length > 0) return { id: value, displayName: value };
  if (typeof value === 'object' && value !== null) {
    const { id, display_name: displayName } = value as Record<string, unknown>;
    if (typeof id === 'string') return { id, displayName: typeof displayName === 'string' ? displayName : id };
  }
  return null;
}
