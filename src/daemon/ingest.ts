import { toEventTime } from '../domain/event-time.js';
import { toPaneId } from '../domain/ids.js';
import type { ApplyOutcome } from '../domain/registry.js';
import type { SessionEvent } from '../domain/session-event.js';
import type { Session } from '../domain/session.js';
import { renderStatusLine } from '../domain/status-line-text.js';
import { capEventFields } from './field-caps.js';
import type { AgentIntegration } from '../integrations/agent-integration.js';
import type { IngestKind, WireErrorCode } from '../protocol/messages.js';
import { toTmuxServer } from '../integrations/tmux/tmux-env.js';

/** Who sent a report, as the client saw it (the envelope or an `ingest` message). */
export interface Reporter {
  readonly kind: IngestKind;
  readonly agent?: string | undefined;
  readonly agentPid?: number | null | undefined;
  readonly ppid?: number | null | undefined;
  readonly pane?: string | null | undefined;
  readonly tmux?: string | null | undefined;
  readonly ts: number;
}

export type IngestResult =
  | {
      readonly ok: true;
      readonly statusLine: string | null;
      readonly session: Session | null;
      /** A copy of a report applied before (the same envelope `id`): acked, not applied again. */
      readonly duplicate?: true;
    }
  | { readonly ok: false; readonly code: WireErrorCode; readonly message: string };

export interface IngestDeps {
  /** The agent's pid: the reporter's own claim, else found by walking up from its parent. */
  resolveAgentPid(reporter: Reporter): Promise<number | null>;
  apply(event: SessionEvent, reporter: Reporter): ApplyOutcome;
  current(event: SessionEvent): Session | null;
  /** The agent integrations; the first reads envelopes that name no agent (protocol 1.0 and 1.1). */
  readonly agents: readonly AgentIntegration[];
  /** The daemon's clock, epoch ms: a client's time is believed only within MAX_CLOCK_SKEW_MS of it. */
  now(): number;
}

/** Turns one report (already JSON-parsed) into a registry change; returns what to answer. */
export async function ingestReport(deps: IngestDeps, reporter: Reporter, payload: unknown): Promise<IngestResult> {
  const integration =
    reporter.agent === undefined ? deps.agents[0] : deps.agents.find((a) => a.kind === reporter.agent);
  if (integration === undefined) {
    const known = deps.agents.map((a) => a.kind).join(', ');
    return {
      ok: false,
      code: 'bad-payload',
      message: `atmd knows no agent named "${reporter.agent}"; it reads ${known}`,
    };
  }
  const parsed = integration.parseReport(reporter.kind, payload);
  if (!parsed.ok) return { ok: false, code: 'bad-payload', message: parsed.reason };
  const { report } = parsed;
  const event: SessionEvent = capEventFields({
    sessionId: report.sessionId,
    agent: integration.kind,
    at: toEventTime(reporter.ts, deps.now()),
    pid: await deps.resolveAgentPid(reporter),
    pane: toPaneId(reporter.pane),
    tmuxServer: toTmuxServer(reporter.tmux),
    cwd: report.cwd,
    projectDir: report.projectDir,
    transcriptPath: report.transcriptPath,
    change: report.change,
  });
  const outcome = deps.apply(event, reporter);
  if (outcome.type === 'refused') {
    return {
      ok: false,
      code: 'session-limit',
      message: `atmd tracks at most ${outcome.limit} sessions; raise daemon.maxSessions in the config to track more`,
    };
  }
  const session = deps.current(event);
  const statusLine = reporter.kind === 'status' && session !== null ? renderStatusLine(session) : null;
  return { ok: true, statusLine, session };
}
