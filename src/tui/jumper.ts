import type { PaneId } from '../domain/ids.js';

/**
 * Makes a tmux pane the one the user looks at: switch the attached client to its session, select
 * its window, then the pane. Rejects (with an AtmError) when tmux refuses, e.g. a pane that died.
 */
export interface Jumper {
  jumpTo(pane: PaneId): Promise<void>;
}
