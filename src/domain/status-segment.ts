import type { Session } from './session.js';

/**
 * The short status text for bars: "2 waiting · 3 working". The tmux status options
 * (@atm_status) carry it with tmux style tags; `atm status` prints it plain or in a format of
 * your own. Pure; only counts reach it, so no session text can carry tmux's `#` syntax in.
 */
export interface StatusCounts {
  readonly waiting: number;
  readonly working: number;
  readonly idle: number;
}

export function countStatuses(sessions: Iterable<Session>): StatusCounts {
  let waiting = 0;
  let working = 0;
  let idle = 0;
  for (const session of sessions) {
    if (session.status === 'waiting') waiting += 1;
    else if (session.status === 'working') working += 1;
    else idle += 1;
  }
  return { waiting, working, idle };
}

/** Empty when nothing waits or works, so an idle bar shows nothing. `styled`: tmux style tags. */
export function renderStatusSegment(counts: StatusCounts, options: { styled: boolean }): string {
  const waiting = `${counts.waiting} waiting`;
  const parts = [
    counts.waiting > 0 ? (options.styled ? `#[fg=yellow,bold]${waiting}#[default]` : waiting) : null,
    counts.working > 0 ? `${counts.working} working` : null,
  ].filter((part) => part !== null);
  return parts.join(' · ');
}

/** `--format`: {waiting}, {working}, {idle}, {total} and {text} replaced; anything else kept as is. */
export function formatStatus(format: string, counts: StatusCounts): string {
  const values: Record<string, string> = {
    waiting: String(counts.waiting),
    working: String(counts.working),
    idle: String(counts.idle),
    total: String(counts.waiting + counts.working + counts.idle),
    text: renderStatusSegment(counts, { styled: false }),
  };
  return format.replace(/\{(waiting|working|idle|total|text)\}/g, (_match, key: string) => values[key] ?? '');
}
