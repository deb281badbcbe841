import type { ContextUsage } from './session.js';

export interface ContextReport {
  readonly windowSize: number | null;
  /** The agent's own percentage, when it gives one; it wins over our arithmetic. */
  readonly usedPercent: number | null;
  /** Tokens in the window now; null means nothing is in it yet (before the first reply, after /compact). */
  readonly currentTokens: number | null;
}

/**
 * Context-window use as the dashboard shows it. Claude's `used_percentage` wins; otherwise
 * tokens / window. A report without a window size says nothing we can show.
 */
export function toContextUsage(report: ContextReport): ContextUsage | null {
  const { windowSize } = report;
  if (windowSize === null || !(windowSize > 0)) return null;
  const given = report.usedPercent !== null && Number.isFinite(report.usedPercent) ? report.usedPercent : null;
  const usedTokens = Math.max(0, report.currentTokens ?? (given === null ? 0 : Math.round((given / 100) * windowSize)));
  const usedPercent = clampPercent(given ?? (usedTokens / windowSize) * 100);
  return { usedTokens, windowSize, usedPercent };
}

function clampPercent(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;
}
