import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../platform/atomic-file.js';
import { AtmError } from '../../shared/errors.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { pickNext } from '../session-pick.js';
import { goTo } from './jump.js';
import { fetchSessions } from './list.js';

/**
 * `atm next`: the session that has waited longest; run again while that one still waits, the
 * next one, round and round. The last stop is kept next to atmd's socket (a 0700 directory).
 */
export const run: CommandRunner = async (ctx) => {
  const sessions = await fetchSessions(ctx.paths.socketPath);
  const stateFile = join(ctx.paths.socketDir, 'atm-next.last');
  const last = await readFile(stateFile, 'utf8').then(
    (text) => text.trim(),
    () => null,
  );
  const next = pickNext(sessions, last);
  if (next === null) {
    // `atm status` counts every waiting session; say why none of them is a place to go.
    const paneless = sessions.filter((s) => s.status === 'waiting').length;
    if (paneless === 0) throw new AtmError('not-found', 'nothing is waiting');
    throw new AtmError(
      'not-found',
      `${paneless === 1 ? '1 session waits' : `${paneless} sessions wait`}, but none is in a tmux pane`,
      {
        hint: 'atm list shows them; a session started outside tmux cannot be jumped to',
      },
    );
  }
  await writeFileAtomic(stateFile, `${next.id}\n`).catch(() => undefined);
  return goTo(ctx, next);
};
