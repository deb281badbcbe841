import type { TmuxLocation } from './session.js';

/** How sessions read as short text, shared by the dashboard, `atm list` and the status line. */

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

/** `work:2 %13`, or just the pane when tmux did not tell us its session and window. */
export function formatLocation(tmux: TmuxLocation | null): string {
  if (tmux === null) return '';
  const place = [tmux.session, tmux.window].filter((part) => part !== null).join(':');
  return place === '' ? tmux.pane : `${place} ${tmux.pane}`;
}
