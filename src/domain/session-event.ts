import type { PaneId, SessionId } from './ids.js';
import type { AgentKind, ContextUsage, Cost, Model, WaitingFor } from './session.js';

/**
 * What an agent told us, already translated out of the agent's own vocabulary
 * (Claude Code's hook names live in src/integrations/claude). A new agent CLI only needs a
 * mapper onto these changes; the registry rules stay the same.
 */
export type SessionChange =
  | { readonly type: 'started'; readonly model: Model | null }
  | { readonly type: 'prompt' }
  | { readonly type: 'tool-started'; readonly tool: string; readonly summary: string | null }
  | { readonly type: 'tool-finished' }
  | {
      readonly type: 'waiting';
      readonly reason: WaitingFor;
      readonly tool: string | null;
      readonly summary: string | null;
    }
  | { readonly type: 'idle' }
  | { readonly type: 'working' }
  /** `agentId` names the subagent when the agent says (Claude Code's agent_id), so a stop that overtakes its start pairs up. */
  | { readonly type: 'subagent-started'; readonly agentId?: string | null }
  | { readonly type: 'subagent-stopped'; readonly agentId?: string | null }
  | { readonly type: 'ended' }
  | {
      readonly type: 'metrics';
      readonly model: Model | null;
      readonly context: ContextUsage | null;
      readonly cost: Cost | null;
    }
  /** Anything we do not understand: it proves the session is alive and changes nothing else. */
  | { readonly type: 'seen' };

export type SessionChangeType = SessionChange['type'];

export interface SessionEvent {
  readonly sessionId: SessionId;
  readonly agent: AgentKind;
  /** When the agent reported it, in epoch ms by the reporting client's clock. Orders racing hooks. */
  readonly at: number;
  readonly pid: number | null;
  readonly pane: PaneId | null;
  /** The socket path of the tmux server `pane` is on (from `$TMUX`); absent or null when not reported. */
  readonly tmuxServer?: string | null;
  readonly cwd: string | null;
  readonly projectDir: string | null;
  /** Where the agent keeps its transcript, for reconciling what no hook reports (Esc). */
  readonly transcriptPath: string | null;
  readonly change: SessionChange;
}
