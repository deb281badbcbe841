import type { PaneId } from '../../domain/ids.js';
import type { PaneInfo } from './tmux.js';

/**
 * Is someone looking at this pane? It is the active pane of its window, that window is its
 * session's current one, and a client is attached to that session: exactly what that client's
 * terminal shows. Pure, over one `list-panes -a ; list-clients` listing.
 */
export function isPaneInView(panes: readonly PaneInfo[], pane: PaneId): boolean {
  return panes.some((p) => p.paneId === pane && p.paneActive && p.windowActive && p.clientTty !== null);
}
