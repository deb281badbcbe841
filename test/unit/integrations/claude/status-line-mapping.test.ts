import { describe, expect, it } from 'vitest';
import type { Cost, Model } from '../../../../src/domain/session.js';
import { statusLinePayloadSchema } from '../../../../src/integrations/claude/payload-schemas.js';
import { toMetricsChange } from '../../../../src/integrations/claude/status-line-mapping.js';

const metricsOf = (payload: Record<string, unknown>) =>
  toMetricsChange(statusLinePayloadSchema.parse({ session_id: 's', ...payload }));

describe('toMetricsChange: model', () => {
  it.each<[rule: string, model: unknown, expected: Model | null]>([
    [
      'id and display name',
      { id: 'claude-opus-4-1', display_name: 'Opus 4.1' },
      { id: 'claude-opus-4-1', displayName: 'Opus 4.1' },
    ],
    [
      'no display name: the id is shown',
      { id: 'claude-opus-4-1' },
      { id: 'claude-opus-4-1', displayName: 'claude-opus-4-1' },
    ],
    ['no id: no model', { display_name: 'Opus 4.1' }, null],
    ['missing: no model', undefined, null],
    ['null: no model', null, null],
  ])('%s', (_rule, model, expected) => {
    expect(metricsOf({ model }).model).toEqual(expected);
  });
});

describe('toMetricsChange: cost', () => {
  it.each<[rule: string, cost: unknown, expected: Cost | null]>([
    [
      'all fields',
      { total_cost_usd: 1.25, total_duration_ms: 60_000, total_lines_added: 10, total_lines_removed: 2 },
      { totalUsd: 1.25, linesAdded: 10, linesRemoved: 2, durationMs: 60_000 },
    ],
    ['missing fields are 0', { total_cost_usd: 0.5 }, { totalUsd: 0.5, linesAdded: 0, linesRemoved: 0, durationMs: 0 }],
    [
      'negative values are 0',
      { total_cost_usd: -1, total_lines_added: -3, total_duration_ms: -5, total_lines_removed: -1 },
      { totalUsd: 0, linesAdded: 0, linesRemoved: 0, durationMs: 0 },
    ],
    [
      'fractional line counts are rounded',
      { total_lines_added: 2.6, total_lines_removed: 0.2 },
      { totalUsd: 0, linesAdded: 3, linesRemoved: 0, durationMs: 0 },
    ],
    ['missing: no cost', undefined, null],
    ['null: no cost', null, null],
  ])('%s', (_rule, cost, expected) => {
    expect(metricsOf({ cost }).cost).toEqual(expected);
  });

  it('a number too large for JSON (1e999 parses as Infinity) counts as 0', () => {
    const payload: unknown = JSON.parse('{"session_id":"s","cost":{"total_cost_usd":1e999}}');
    expect(toMetricsChange(statusLinePayloadSchema.parse(payload)).cost?.totalUsd).toBe(0);
  });
});
