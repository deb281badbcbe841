import { toContextUsage } from '../../domain/context-usage.js';
import type { SessionChange } from '../../domain/session-event.js';
import type { Cost } from '../../domain/session.js';
import type { StatusLinePayload } from './payload-schemas.js';

/** A statusLine payload updates model, context and cost, never the status (docs/STATUS.md). */
export function toMetricsChange(payload: StatusLinePayload): Extract<SessionChange, { type: 'metrics' }> {
  const m = payload.model;
  const model = m?.id !== undefined ? { id: m.id, displayName: m.display_name ?? m.id } : null;
  const cw = payload.context_window;
  const usage = cw?.current_usage;
  const currentTokens =
    usage === undefined
      ? null
      : usage === null
        ? 0
        : (usage.input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
  const context =
    cw === undefined
      ? null
      : toContextUsage({
          windowSize: cw.context_window_size ?? null,
          usedPercent: cw.used_percentage ?? null,
          currentTokens,
        });
  return { type: 'metrics', model, context, cost: toCost(payload.cost) };
}

function toCost(cost: StatusLinePayload['cost']): Cost | null {
  if (cost === undefined) return null;
  return {
    totalUsd: nonNegative(cost.total_cost_usd),
    linesAdded: Math.round(nonNegative(cost.total_lines_added)),
    linesRemoved: Math.round(nonNegative(cost.total_lines_removed)),
    durationMs: nonNegative(cost.total_duration_ms),
  };
}

const nonNegative = (value: number | undefined): number =>
  value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
