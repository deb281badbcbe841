import { toPaneId } from '../../../src/domain/ids.js';
import type { SessionEvent } from '../../../src/domain/session-event.js';
import { parseClaudeReport } from '../../../src/integrations/claude/claude-report.js';
import type { IngestKind } from '../../../src/protocol/messages.js';

/**
 * Test builders that go the way a real report goes: a Claude Code payload is read by
 * `parseClaudeReport`, then wrapped in a SessionEvent as the daemon's ingest does. The reducer
 * tables can then say "Claude event → status" in Claude's own words. Time is always explicit.
 */
export const SESSION_ID = '5b0f7c2e-9d1a-4c3b-8e6f-2a7d9c4e1f03';
export const CWD = '/home/alex/code/shop-frontend';

/** A hook payload as Claude Code sends it, with the fields every hook carries. */
export function hook(name: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    session_id: SESSION_ID,
    transcript_path: `/home/alex/.claude/projects/x/${SESSION_ID}.jsonl`,
    cwd: CWD,
    permission_mode: 'default',
    hook_event_name: name,
    ...fields,
  };
}

/** A statusLine payload with a model, a context window and a cost; `fields` override them. */
export function statusLine(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    session_id: SESSION_ID,
    cwd: CWD,
    model: { id: 'claude-sonnet-4-5', display_name: 'Sonnet 4.5' },
    workspace: { current_dir: CWD, project_dir: CWD },
    cost: { total_cost_usd: 0.19, total_duration_ms: 1000, total_lines_added: 3, total_lines_removed: 1 },
    context_window: {
      context_window_size: 200_000,
      used_percentage: 31,
      current_usage: {
        input_tokens: 2000,
        output_tokens: 500,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 60_000,
      },
    },
    ...fields,
  };
}

export interface Reporter {
  readonly pid?: number | null;
  readonly pane?: string | null;
  /** The tmux server's socket path (from `$TMUX`); absent: not reported. */
  readonly tmuxServer?: string | null;
}

/** Parses one payload like the daemon does and builds the event; a payload that fails to parse fails the test. */
export function toEvent(kind: IngestKind, payload: unknown, at: number, reporter: Reporter = {}): SessionEvent {
  const parsed = parseClaudeReport(kind, payload);
  if (!parsed.ok) throw new Error(`test payload refused: ${parsed.reason}`);
  const { report } = parsed;
  return {
    sessionId: report.sessionId,
    agent: 'claude-code',
    at,
    pid: reporter.pid === undefined ? 4242 : reporter.pid,
    pane: toPaneId(reporter.pane === undefined ? '%3' : reporter.pane),
    ...(reporter.tmuxServer === undefined ? {} : { tmuxServer: reporter.tmuxServer }),
    cwd: report.cwd,
    projectDir: report.projectDir,
    transcriptPath: report.transcriptPath,
    change: report.change,
  };
}

export const hookEvent = (payload: unknown, at: number, reporter?: Reporter): SessionEvent =>
  toEvent('hook', payload, at, reporter);

export const statusEvent = (payload: unknown, at: number, reporter?: Reporter): SessionEvent =>
  toEvent('status', payload, at, reporter);

/** One step of a scripted history: a hook payload, or a status-line payload, at an explicit time. */
export type Step = { readonly hook: Record<string, unknown> } | { readonly status: Record<string, unknown> };

/** A fixed start of time for every table (never the real clock). */
export const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);

/** Turns steps into events `stepMs` apart, starting at `startAt`, in the order given. */
export function toEvents(steps: readonly Step[], startAt = T0, stepMs = 1000): SessionEvent[] {
  return steps.map((step, i) =>
    'hook' in step ? hookEvent(step.hook, startAt + i * stepMs) : statusEvent(step.status, startAt + i * stepMs),
  );
}
