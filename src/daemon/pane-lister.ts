import { createExecFileTmux } from '../integrations/tmux/exec-file-tmux.js';
import type { ListedPane, PaneLister } from './pane-match.js';

const TMUX_TIMEOUT_MS = 2_000;

/** Panes with their first process's pid, from `tmux list-panes -a` (execFile, no shell; ids validated by the parser). */
export function createPaneLister(): PaneLister {
  return {
    async list(socketPath) {
      const tmux = createExecFileTmux({ ...(socketPath === null ? {} : { socketPath }), timeoutMs: TMUX_TIMEOUT_MS });
      return (await tmux.listPanes()).map((pane): ListedPane => ({
        pane: pane.paneId,
        panePid: pane.panePid,
        session: pane.sessionName,
        window: pane.windowName,
      }));
    },
  };
}
