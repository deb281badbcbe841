import type { PaneId } from '../../domain/ids.js';

/** One tmux pane with where it sits. Names are for display (control characters removed); target tmux by id. */
export interface PaneInfo {
  readonly paneId: PaneId;
  /** The pid of the pane's first process (usually the shell), for matching an agent's ancestry. */
  readonly panePid: number;
  /** `$<n>`, stable while the session lives, unlike its name. */
  readonly sessionId: string;
  readonly sessionName: string;
  /** `@<n>`. */
  readonly windowId: string;
  readonly windowIndex: number;
  readonly windowName: string;
  readonly paneIndex: number;
  /** The active pane of its window. */
  readonly paneActive: boolean;
  /** The current window of its session. */
  readonly windowActive: boolean;
  readonly sessionAttached: boolean;
  /** The tty of the most recently active client showing this pane's session, or null when none is. */
  readonly clientTty: string | null;
}

/** A client attached to the tmux server (a terminal showing one of its sessions). */
export interface TmuxClient {
  readonly tty: string;
  readonly sessionId: string;
  /** When the client last saw input, in seconds since the epoch (tmux's resolution). */
  readonly activitySec: number;
}

export interface JumpOptions {
  /** The client to switch; default: the most recently active client (the one the user just typed in). */
  readonly clientTty?: string;
}

/** One tmux server, as atm uses it. */
export interface Tmux {
  /** True when tmux runs and its server answers; never throws. */
  isAvailable(): Promise<boolean>;
  /** Every pane of every session; [] when no server runs. Throws AtmError('tmux-failed') when tmux cannot be asked. */
  listPanes(): Promise<PaneInfo[]>;
  /**
   * Makes `pane` the one the user looks at: selects its window and the pane, and switches a
   * client (see JumpOptions) to its session. With no client attached, only the selection happens.
   * Throws AtmError('not-found') when the pane no longer exists, AtmError('tmux-failed') otherwise.
   */
  jumpTo(pane: PaneId, options?: JumpOptions): Promise<void>;
}
