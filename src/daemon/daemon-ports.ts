import type { PaneId } from '../domain/ids.js';

/** What the daemon asks of the process table (see src/platform/process-table.ts for the adapters). */
export interface ProcessProbe {
  /** An opaque start time for `pid`, or null when no such process runs. */
  startTime(pid: number): Promise<string | null>;
  /**
   * Optional, and much cheaper than startTime (one syscall, no file): false when no process has
   * this pid, true when one does (which may be a zombie, or another process that reused the
   * pid), null when it cannot tell. Absent: every liveness pass asks startTime.
   */
  exists?(pid: number): boolean | null;
  /** The agent's pid, found by walking up from a hook client's parent. */
  resolveAgentPid(fromPid: number): Promise<number>;
}

export interface PaneNames {
  readonly session: string | null;
  readonly window: string | null;
}

/** What the daemon asks of tmux: the names of the panes it knows, per tmux server. */
export interface TmuxProbe {
  /** `socketPath` null means the default server. Panes tmux does not know are absent from the map. */
  paneNames(socketPath: string | null, panes: readonly PaneId[]): Promise<ReadonlyMap<PaneId, PaneNames>>;
}
