import { countStatuses, formatStatus, renderStatusSegment } from '../../domain/status-segment.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { printLine } from '../output.js';
import { fetchSessions } from './list.js';

/**
 * `atm status [--format …]`: the tmux segment's text for other bars (waybar, i3blocks,
 * sketchybar): one `list` from atmd, counted. Inside tmux, `#{@atm_status}` costs nothing at all.
 */
export const run: CommandRunner = async (ctx, input) => {
  const counts = countStatuses(await fetchSessions(ctx.paths.socketPath));
  const format = input.text('format');
  printLine(format === undefined ? renderStatusSegment(counts, { styled: false }) : formatStatus(format, counts));
  return 0;
};
