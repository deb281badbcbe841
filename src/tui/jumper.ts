import type { PaneId } from '../domain/ids.js';

/** A session's pane and the tmux server it is on (its socket path; null when unknown). */
export interface JumpTarget {
  readonly pane: PaneId;
  readonly server: string | null;
}

export type JumpResult =
  /** The dashboard's own terminal now shows the pane. */
  | { readonly kind: 'switched' }
  /** The pane is on another tmux server (or the dashboard is outside tmux): what to run to see it. */
  | { readonly kind: 'attach'; readonly command: string };

/**
 * Makes a session's pane the one the user looks at, on the session's own tmux server. Rejects
 * (with an AtmError) when tmux refuses, e.g. a pane that died.
 */
export interface Jumper {
  jumpTo(target: JumpTarget): Promise<JumpResult>;
}
