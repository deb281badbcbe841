import type { Session, TmuxLocation, WaitingFor } from '../domain/session.js';
import { assertNever } from '../shared/assert-never.js';

/** Short "how long ago": 5s, 12m, 3h, 2d. Future times (clock skew) read as 0s. */
export function formatAgo(sinceMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - sinceMs) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

/** Durations for the detail panel: 45s, 12m 05s, 3h 20m. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

/** $0.42, $12.30, $123, $1.2k: at most 6 cells. */
export function formatCostUsd(usd: number): string {
  if (usd < 100) return `$${usd.toFixed(2)}`;
  if (usd < 10_000) return `$${Math.round(usd)}`;
  return `$${(usd / 1000).toFixed(1)}k`;
}

/** 950, 12.3k, 200k, 1.0M. */
export function formatTokens(tokens: number): string {
  if (tokens < 1000) return String(Math.round(tokens));
  if (tokens < 100_000) return `${(tokens / 1000).toFixed(1)}k`;
  if (tokens < 1_000_000) return `${Math.round(tokens / 1000)}k`;
  return `${(tokens / 1_000_000).toFixed(1)}M`;
}

/** Wall-clock time for the header, in the process's local time zone. */
export function formatClock(nowMs: number): string {
  const date = new Date(nowMs);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** `work:2 %13`, or just the pane when tmux did not tell us its session and window. */
export function formatLocation(tmux: TmuxLocation | null): string {
  if (tmux === null) return '';
  const place = [tmux.session, tmux.window].filter((part) => part !== null).join(':');
  return place === '' ? tmux.pane : `${place} ${tmux.pane}`;
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
