import type { PaneId } from '../domain/ids.js';
import { createExecFileTmux } from '../integrations/tmux/exec-file-tmux.js';
import type { PaneNames, TmuxProbe } from './daemon-ports.js';

const TMUX_TIMEOUT_MS = 2_000;

/** Pane names from `tmux list-panes -a` on the server each report came from (one run per server). */
export function createTmuxProbe(): TmuxProbe {
  return {
    async paneNames(socketPath, panes) {
      const tmux = createExecFileTmux({ ...(socketPath === null ? {} : { socketPath }), timeoutMs: TMUX_TIMEOUT_MS });
      const wanted = new Set<PaneId>(panes);
      const names = new Map<PaneId, PaneNames>();
      for (const pane of await tmux.listPanes()) {
        if (wanted.has(pane.paneId)) names.set(pane.paneId, { session: pane.sessionName, window: pane.windowName });
      }
      return names;
    },
  };
}
