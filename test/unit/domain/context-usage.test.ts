import { describe, expect, it } from 'vitest';
import { toContextUsage, type ContextReport } from '../../../src/domain/context-usage.js';
import type { ContextUsage } from '../../../src/domain/session.js';
import { statusLinePayloadSchema } from '../../../src/integrations/claude/payload-schemas.js';
import { toMetricsChange } from '../../../src/integrations/claude/status-line-mapping.js';

const report = (
  windowSize: number | null,
  usedPercent: number | null,
  currentTokens: number | null,
): ContextReport => ({
  windowSize,
  usedPercent,
  currentTokens,
});
const usage = (usedTokens: number, windowSize: number, usedPercent: number): ContextUsage => ({
  usedTokens,
  windowSize,
  usedPercent,
});

describe('toContextUsage (the domain rule)', () => {
  it.each<[rule: string, input: ContextReport, expected: ContextUsage | null]>([
    ['the agent’s percentage wins over the token arithmetic', report(200_000, 31, 40_000), usage(40_000, 200_000, 31)],
    ['a given 0 % wins too', report(200_000, 0, 40_000), usage(40_000, 200_000, 0)],
    ['without a percentage: tokens / window × 100', report(200_000, null, 61_000), usage(61_000, 200_000, 30.5)],
    ['a non-finite percentage is ignored', report(200_000, Number.NaN, 50_000), usage(50_000, 200_000, 25)],
    ['the percentage is rounded to one decimal', report(3, null, 1), usage(1, 3, 33.3)],
    ['no tokens and no percentage means 0', report(200_000, null, null), usage(0, 200_000, 0)],
    ['no tokens but a percentage: tokens are derived from it', report(200_000, 42, null), usage(84_000, 200_000, 42)],
    ['a 1M-token window', report(1_000_000, null, 250_000), usage(250_000, 1_000_000, 25)],
    ['a 1M-token window with a given percentage', report(1_000_000, 7.5, null), usage(75_000, 1_000_000, 7.5)],
    ['no window size → nothing to show', report(null, 31, 61_000), null],
    ['a zero window → nothing to show', report(0, 31, 61_000), null],
    ['a negative window → nothing to show', report(-200_000, null, 61_000), null],
    ['a NaN window → nothing to show', report(Number.NaN, null, 61_000), null],
    ['a percentage above 100 is clamped', report(200_000, 120, null), usage(240_000, 200_000, 100)],
    ['a negative percentage is clamped to 0', report(200_000, -5, null), usage(0, 200_000, 0)],
    [
      'more tokens than the window clamps the percentage, not the count',
      report(200_000, null, 250_000),
      usage(250_000, 200_000, 100),
    ],
    ['negative tokens count as 0', report(200_000, null, -10), usage(0, 200_000, 0)],
  ])('%s', (_rule, input, expected) => {
    expect(toContextUsage(input)).toEqual(expected);
  });
});

/** Claude's context_window object → the session's `context`, through the real payload reader. */
const fromClaude = (contextWindow: unknown): ContextUsage | null =>
  toMetricsChange(statusLinePayloadSchema.parse({ session_id: 's', context_window: contextWindow })).context;

describe('context from Claude’s context_window', () => {
  const current = {
    input_tokens: 900,
    output_tokens: 3400,
    cache_creation_input_tokens: 4100,
    cache_read_input_tokens: 56_000,
  };

  it.each<[rule: string, contextWindow: unknown, expected: ContextUsage | null]>([
    [
      'used_percentage wins',
      { context_window_size: 200_000, used_percentage: 31, current_usage: current },
      usage(61_000, 200_000, 31),
    ],
    [
      'without used_percentage: (input + cache_creation + cache_read) / window × 100, output excluded',
      { context_window_size: 200_000, current_usage: current },
      usage(61_000, 200_000, 30.5),
    ],
    [
      'a null used_percentage falls back to the arithmetic',
      { context_window_size: 200_000, used_percentage: null, current_usage: current },
      usage(61_000, 200_000, 30.5),
    ],
    [
      'a null current_usage means 0 (before the first reply, after /compact)',
      { context_window_size: 200_000, current_usage: null },
      usage(0, 200_000, 0),
    ],
    [
      'a null current_usage and a null used_percentage mean 0',
      { context_window_size: 200_000, used_percentage: null, current_usage: null },
      usage(0, 200_000, 0),
    ],
    ['a missing current_usage means 0', { context_window_size: 200_000 }, usage(0, 200_000, 0)],
    [
      'missing token fields count as 0',
      { context_window_size: 200_000, current_usage: { cache_read_input_tokens: 20_000 } },
      usage(20_000, 200_000, 10),
    ],
    [
      'a 1M-token window',
      { context_window_size: 1_000_000, current_usage: { input_tokens: 5000, cache_read_input_tokens: 495_000 } },
      usage(500_000, 1_000_000, 50),
    ],
    ['a missing window size → no context', { used_percentage: 31, current_usage: current }, null],
    ['a window size of the wrong type → no context', { context_window_size: '200000', used_percentage: 31 }, null],
    ['no context_window at all → no context', undefined, null],
    ['a context_window of the wrong type → no context', 'full', null],
    [
      'a used_percentage above 100 is clamped',
      { context_window_size: 200_000, used_percentage: 104 },
      usage(208_000, 200_000, 100),
    ],
    [
      'tokens above the window clamp to 100 %',
      { context_window_size: 200_000, current_usage: { input_tokens: 210_000 } },
      usage(210_000, 200_000, 100),
    ],
    [
      'a used_percentage of the wrong type falls back to the arithmetic',
      { context_window_size: 200_000, used_percentage: '31', current_usage: current },
      usage(61_000, 200_000, 30.5),
    ],
  ])('%s', (_rule, contextWindow, expected) => {
    expect(fromClaude(contextWindow)).toEqual(expected);
  });
});
