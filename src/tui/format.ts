import type { Session, WaitingFor } from '../domain/session.js';
import { assertNever } from '../shared/assert-never.js';
import { textWidth, truncateToWidth } from '../shared/terminal-text.js';

/** Wall-clock time for the header, in the process's local time zone. */
export function formatClock(nowMs: number): string {
  const date = new Date(nowMs);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Replaces the home directory with `~`, as a shell prompt would. */
export function abbreviateHome(path: string, homeDir: string | null): string {
  if (homeDir === null || homeDir === '' || homeDir === '/') return path;
  if (path === homeDir) return '~';
  return path.startsWith(`${homeDir}/`) ? `~${path.slice(homeDir.length)}` : path;
}

/** Context thresholds: the bar turns yellow at 70 % and red at 90 %. */
export type ContextLevel = 'ok' | 'high' | 'critical';
export function toContextLevel(percent: number): ContextLevel {
  return percent >= 90 ? 'critical' : percent >= 70 ? 'high' : 'ok';
}

export function describeWaiting(reason: WaitingFor | null): string {
  switch (reason) {
    case null:
      return 'waits for you';
    case 'permission':
      return 'waits for permission';
    case 'question':
      return 'waits for an answer';
    case 'plan':
      return 'waits for plan approval';
    case 'elicitation':
      return 'waits for input';
    default:
      return assertNever(reason, 'waiting reason');
  }
}

/** The activity column: what the agent does or waits for, with its tool and input summary. */
export function describeActivity(session: Session): string {
  const tool = session.tool === null ? '' : [session.tool.name, session.tool.summary ?? ''].join(' ').trim();
  const agents = session.subagents > 0 ? ` (+${session.subagents} agent${session.subagents > 1 ? 's' : ''})` : '';
  switch (session.status) {
    case 'waiting':
      return `${describeWaiting(session.waitingFor)}${tool === '' ? '' : `: ${tool}`}`;
    case 'working':
      return `${tool === '' ? 'thinking' : tool}${agents}`;
    case 'idle':
      return 'idle';
    default:
      return assertNever(session.status, 'status');
  }
}

/** When the shown activity began: the running tool's start, else the last event. */
export function activitySince(session: Session): number {
  const ms = Date.parse(session.tool?.startedAt ?? session.lastEventAt);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * Breaks text at spaces into lines of at most `width` cells; a word longer than a line is cut
 * with `…`. For the dashboard's sentences (the empty table), which must not lose their end.
 */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate) <= width) line = candidate;
    else {
      if (line !== '') lines.push(line);
      line = truncateToWidth(word, width);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
