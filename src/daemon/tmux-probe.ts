import type { TmuxProbe } from './daemon-ports.js';

/** Placeholder until the tmux adapter lands: no names, panes stay as reported. */
export function createTmuxProbe(): TmuxProbe | null {
  return null;
}
