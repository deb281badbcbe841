import type { PaneId } from '../domain/ids.js';

/** One pane of a tmux server, as far as finding an agent's pane needs it. */
export interface ListedPane {
  readonly pane: PaneId;
  /** The pid of the pane's first process (a shell, or the agent itself when tmux started it). */
  readonly panePid: number;
  readonly session: string;
  readonly window: string;
}

/** The panes of one tmux server (`socketPath` null: the default server). Throws when tmux cannot be asked. */
export interface PaneLister {
  list(socketPath: string | null): Promise<readonly ListedPane[]>;
}

/**
 * The pane an agent runs in: the one whose first process is the agent or its nearest ancestor.
 * `ancestry` starts with the agent's pid and goes up. Pure.
 */
export function matchPaneByAncestry(ancestry: readonly number[], panes: readonly ListedPane[]): ListedPane | null {
  for (const pid of ancestry) {
    const found = panes.find((pane) => pane.panePid === pid);
    if (found !== undefined) return found;
  }
  return null;
}

/** A pane named elsewhere (Claude's sessions file), accepted only when this server has it. */
export function matchPaneById(pane: PaneId | null, panes: readonly ListedPane[]): ListedPane | null {
  return pane === null ? null : (panes.find((listed) => listed.pane === pane) ?? null);
}

/** Most shells sit 1 to 3 levels above an agent; this bounds the walk when the table loops or lies. */
export const MAX_ANCESTRY_DEPTH = 32;

/** `pid` and its ancestors, nearest first, stopping at pid 1, a broken chain or the depth bound. */
export async function walkAncestry(
  pid: number,
  parentPid: (pid: number) => Promise<number | null>,
  maxDepth = MAX_ANCESTRY_DEPTH,
): Promise<number[]> {
  const chain = [pid];
  let current = pid;
  for (let depth = 0; depth < maxDepth && current > 1; depth += 1) {
    const parent = await parentPid(current).catch(() => null);
    if (parent === null || parent <= 0 || chain.includes(parent)) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}
