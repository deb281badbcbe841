import { createSessionFeed } from '../../client/session-feed.js';
import { AtmError } from '../../shared/errors.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { UNTIL_STATES, WatchStream, type UntilState } from '../watch-stream.js';

const isUntil = (value: string): value is UntilState => (UNTIL_STATES as readonly string[]).includes(value);

/**
 * `atm watch [--json] [--until STATE --session ID]`: follows atmd, across its restarts, until
 * interrupted or (with --until) until that session reaches that state, which exits 0.
 */
export const run: CommandRunner = async (ctx, input) => {
  const until = input.text('until');
  const session = input.text('session');
  if (until !== undefined && session === undefined)
    throw new AtmError('usage', '--until needs --session ID', { hint: 'atm watch --until idle --session <id>' });
  if (session !== undefined && session.length < 4)
    throw new AtmError('usage', `--session takes an id or a prefix of 4 or more characters, not "${session}"`, {
      hint: 'atm list --json shows the ids',
    });
  if (until !== undefined && !isUntil(until))
    throw new AtmError('usage', `--until takes ${UNTIL_STATES.join(', ')}, not "${until}"`);
  const stream = new WatchStream({
    json: input.flag('json'),
    until: until === undefined || session === undefined ? null : { state: until, session },
  });
  const feed = createSessionFeed({ socketPath: ctx.paths.socketPath, role: 'cli' });
  return new Promise<number>((resolve) => {
    const finish = (code: number): void => {
      feed.close();
      resolve(code);
    };
    // A reader that went away (`atm watch | head -1`) ends the watch quietly.
    process.stdout.on('error', () => finish(0));
    process.once('SIGINT', () => finish(130));
    process.once('SIGTERM', () => finish(143));
    feed.start((event) => {
      const step = stream.apply(event, new Date().toISOString());
      for (const line of step.stdout) process.stdout.write(`${line}\n`);
      for (const line of step.stderr) process.stderr.write(`${line}\n`);
      if (step.done) finish(step.exitCode ?? 0);
    });
  });
};
