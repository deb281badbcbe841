/**
 * How far a reporting client's clock may stray from the daemon's before its times are not
 * believed. Hooks race by milliseconds and arrive within a one-shot timeout (5 s), so a time
 * further off than this says the clock is wrong, not that the report is old or early.
 */
export const MAX_CLOCK_SKEW_MS = 10_000;

/**
 * The time an event is ordered by: the client's, clamped to the daemon's clock within the skew.
 * One report an hour ahead must not make every later one count as older (the session would
 * freeze), and a time past what a Date can hold (8.7e15) must not throw.
 */
export function toEventTime(reportedMs: number, nowMs: number): number {
  if (!Number.isFinite(reportedMs)) return nowMs;
  return Math.min(Math.max(reportedMs, nowMs - MAX_CLOCK_SKEW_MS), nowMs + MAX_CLOCK_SKEW_MS);
}
