import type { PaneId } from '../domain/ids.js';
import type { RegistryView } from '../domain/registry.js';
import type { SessionChange, SessionEvent } from '../domain/session-event.js';
import type { SessionEntry } from '../domain/session-reducer.js';
import type { AgentKind } from '../domain/session.js';
import type { Logger } from '../platform/logger.js';
import type { IngestKind } from '../protocol/messages.js';

/** What one report from an agent says, in atm's words, before the daemon adds pid and pane. */
export interface AgentReport {
  readonly sessionId: SessionEvent['sessionId'];
  readonly cwd: string | null;
  readonly projectDir: string | null;
  readonly transcriptPath: string | null;
  readonly change: SessionChange;
}

export type AgentReportParse = { ok: true; report: AgentReport } | { ok: false; reason: string };

/** What the daemon gives an agent's reconciler: a view of the registry and a way to report what it finds. */
export interface ReconcilerDeps {
  readonly registry: RegistryView;
  readonly now: () => number;
  readonly logger: Logger;
  /** Applies a reconciled change exactly like a report (subscribers, persistence). */
  readonly apply: (event: SessionEvent) => void;
}

/** An agent's own witnesses of what no report says (Claude Code's Esc fires no hook). */
export interface AgentReconciler {
  /** One round over the agent's sessions that are not idle; a round still running makes this a no-op. */
  run(): Promise<void>;
  /** The pane the agent's own files name for a session reported without $TMUX_PANE, or null. */
  paneHint(entry: SessionEntry): Promise<PaneId | null>;
  /** Optional: releases what it holds (file watches); called once when atmd stops. */
  close?(): void;
}

/**
 * One agent CLI behind one port: everything atmd knows about it. Claude Code's is
 * src/integrations/claude/agent.ts; the composition root registers each in a table, and nothing
 * outside an agent's folder names the agent.
 */
export interface AgentIntegration {
  /** The name sessions carry (`session.agent`) and the envelope's `agent` field says. */
  readonly kind: AgentKind;
  /** Reads one payload (already JSON-parsed). Never throws: a payload it cannot use is a reason. */
  parseReport(kind: IngestKind, payload: unknown): AgentReportParse;
  /** Whether a process is this agent, from its command name and command line (either may be null). */
  isAgentProcess(command: string | null, commandLine: string | null): boolean;
  /** Optional: the agent's reconciler, run on the liveness tick. */
  createReconciler?(deps: ReconcilerDeps): AgentReconciler;
}
