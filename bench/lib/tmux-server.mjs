import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * @typedef {object} Place where a report says it comes from: `$TMUX_PANE` and `$TMUX`
 * @property {string | null} pane
 * @property {string | null} tmux
 */

/** Reports from outside tmux. */
export const NO_PLACE = /** @type {Place} */ ({ pane: null, tmux: null });

/**
 * A private tmux server (its own socket in `dir`, no config) with one pane, so the reports of a
 * bench carry a real `$TMUX_PANE`/`$TMUX` and atmd names their sessions as it does for agents in
 * tmux: one `tmux list-panes` per refresh, never the user's own server. Every bench session
 * reports from that one pane. Returns null when tmux is not installed.
 * @param {string} dir a short directory (socket paths must stay < ~100 bytes)
 * @returns {{ place: Place, stop: () => void } | null}
 */
export function startTmuxServer(dir) {
  const socketPath = join(dir, 'tmux.sock');
  const env = { PATH: process.env.PATH, HOME: dir, TERM: 'xterm-256color' }; // no $TMUX: not nested
  const tmux = (/** @type {string[]} */ args) =>
    execFileSync('tmux', ['-S', socketPath, '-f', '/dev/null', ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  try {
    tmux(['new-session', '-d', '-s', 'atm-bench', '-x', '80', '-y', '24']);
  } catch {
    return null;
  }
  const [pane = '', serverPid = '0'] = tmux(['display-message', '-p', '-t', 'atm-bench', '#{pane_id} #{pid}'])
    .trim()
    .split(' ');
  const stop = () => {
    try {
      tmux(['kill-server']);
    } catch {
      // already gone
    }
  };
  cleanups.add(stop);
  return {
    place: { pane, tmux: `${socketPath},${serverPid},0` },
    stop: () => {
      cleanups.delete(stop);
      stop();
    },
  };
}

/** tmux servers daemonize, so a crashing bench must kill them itself. */
const cleanups = new Set();
process.once('exit', () => {
  for (const stop of cleanups) stop();
});
