import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './built.js';

export const SHARED_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'claude', 'shared');

/** The raw bytes of a hand-made fixture (pretty-printed, as Claude Code's docs show them). */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(SHARED_FIXTURES, `${name}.json`));
}

/** A fixture parsed, with fields replaced (typically `session_id` and `cwd`). */
export function fixture(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(JSON.parse(fixtureBytes(name).toString('utf8')) as Record<string, unknown>), ...overrides };
}

/** A session id that looks like Claude Code's (a UUID), unique per call. */
export function sessionId(label: string | number): string {
  const hex = Buffer.from(String(label)).toString('hex').padEnd(12, '0').slice(0, 12);
  return `${crypto.randomUUID().slice(0, 24)}${hex}`;
}

/** A hook payload for `event` in session `id`, based on the matching fixture when there is one. */
export function hook(id: string, event: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const base = FIXTURE_FOR_EVENT[event];
  const start = base === undefined ? fixture('session-start', { source: undefined, model: undefined }) : fixture(base);
  return { ...start, session_id: id, hook_event_name: event, ...fields };
}

const FIXTURE_FOR_EVENT: Readonly<Record<string, string>> = {
  SessionStart: 'session-start',
  SessionEnd: 'session-end',
  UserPromptSubmit: 'user-prompt-submit',
  PreToolUse: 'pre-tool-use-bash',
  PostToolUse: 'post-tool-use-bash',
  PermissionRequest: 'permission-request',
  Notification: 'notification-idle',
  Stop: 'stop',
};

/** A statusLine payload for session `id`: model, context % and cost as given. */
export function statusLine(
  id: string,
  options: {
    displayName?: string;
    modelId?: string;
    usedPercent?: number;
    windowSize?: number;
    costUsd?: number;
    cwd?: string;
    /** Leave `cost` out, as some payloads do. */
    omitCost?: boolean;
  } = {},
): Record<string, unknown> {
  const base = fixture('statusline');
  const cwd = options.cwd ?? '/home/alex/code/shop-frontend';
  return {
    ...base,
    session_id: id,
    cwd,
    workspace: { current_dir: cwd, project_dir: cwd, added_dirs: [] },
    model: { id: options.modelId ?? 'claude-sonnet-4-5', display_name: options.displayName ?? 'Sonnet 4.5' },
    cost:
      options.omitCost === true ? undefined : { ...(base.cost as object), total_cost_usd: options.costUsd ?? 0.1873 },
    context_window: {
      ...(base.context_window as object),
      context_window_size: options.windowSize ?? 200_000,
      used_percentage: options.usedPercent ?? 31,
    },
  };
}
