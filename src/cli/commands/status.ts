import { queryStatusCounts } from '../../client/status-query.js';
import { formatStatus, renderStatusSegment } from '../../domain/status-segment.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { printLine } from '../output.js';

const TIMEOUT_MS = 3_000;

/**
 * `atm status [--format …]`: the tmux segment's text for other bars (waybar, i3blocks,
 * sketchybar), counted from one `list` on the cheap client. Inside tmux, `#{@atm_status}`
 * costs nothing at all.
 */
export const run: CommandRunner = async (ctx, input) => {
  const counts = await queryStatusCounts(ctx.paths.socketPath, TIMEOUT_MS);
  const format = input.text('format');
  printLine(format === undefined ? renderStatusSegment(counts, { styled: false }) : formatStatus(format, counts));
  return 0;
};
