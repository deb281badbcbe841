import { toSessionId, type SessionId } from '../../domain/ids.js';
import type { SessionChange } from '../../domain/session-event.js';
import type { IngestKind } from '../../protocol/messages.js';
import { toSessionChange } from './hook-mapping.js';
import { hookPayloadSchema, statusLinePayloadSchema } from './payload-schemas.js';
import { toMetricsChange } from './status-line-mapping.js';

/** What one Claude Code report says, before the daemon adds pid and pane. */
export interface ClaudeReport {
  readonly sessionId: SessionId;
  readonly cwd: string | null;
  readonly projectDir: string | null;
  readonly transcriptPath: string | null;
  readonly change: SessionChange;
  /** The hook event name, for logs. */
  readonly label: string;
}

export type ReportParse = { ok: true; report: ClaudeReport } | { ok: false; reason: string };

/**
 * Reads one hook or statusLine payload. Never throws: a payload we cannot use is a reason,
 * which the daemon logs and answers, and the connection carries on.
 */
export function parseClaudeReport(kind: IngestKind, payload: unknown): ReportParse {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, reason: 'the payload is not a JSON object' };
  }
  if (kind === 'hook') {
    const hook = hookPayloadSchema.parse(payload);
    const sessionId = toSessionId(hook.session_id);
    if (sessionId === null) return { ok: false, reason: 'the hook payload has no valid session_id' };
    return {
      ok: true,
      report: {
        sessionId,
        cwd: hook.cwd ?? null,
        projectDir: null,
        transcriptPath: hook.transcript_path ?? null,
        change: toSessionChange(hook),
        label: hook.hook_event_name ?? 'unknown',
      },
    };
  }
  const status = statusLinePayloadSchema.parse(payload);
  const sessionId = toSessionId(status.session_id);
  if (sessionId === null) return { ok: false, reason: 'the status-line payload has no valid session_id' };
  return {
    ok: true,
    report: {
      sessionId,
      cwd: status.workspace?.current_dir ?? status.cwd ?? null,
      projectDir: status.workspace?.project_dir ?? null,
      transcriptPath: status.transcript_path ?? null,
      change: toMetricsChange(status),
      label: 'statusLine',
    },
  };
}
