import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain/session.js';
import { renderStatusLine } from '../../../src/domain/status-line-text.js';

type Metrics = Pick<Session, 'model' | 'context' | 'cost'>;

const model = { id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' };
const context = (usedPercent: number) => ({ usedTokens: 1, windowSize: 200_000, usedPercent });
const cost = (totalUsd: number) => ({ totalUsd, linesAdded: 0, linesRemoved: 0, durationMs: 0 });
const metrics = (m: Partial<Metrics>): Metrics => ({ model: null, context: null, cost: null, ...m });

describe('renderStatusLine', () => {
  it.each<[rule: string, input: Metrics, line: string]>([
    [
      'model · context · cost',
      metrics({ model, context: context(31), cost: cost(0.1873) }),
      'Sonnet 4.5 · ctx 31% · $0.19',
    ],
    ['the display name, not the id', metrics({ model: { id: 'x-id', displayName: 'Nice Name' } }), 'Nice Name'],
    ['only the context', metrics({ context: context(5) }), 'ctx 5%'],
    ['only the cost', metrics({ cost: cost(2) }), '$2.00'],
    ['model and cost, no context', metrics({ model, cost: cost(0) }), 'Sonnet 4.5 · $0.00'],
    ['the percentage is rounded to a whole number', metrics({ context: context(30.5) }), 'ctx 31%'],
    ['a percentage just under one rounds down', metrics({ context: context(0.4) }), 'ctx 0%'],
    ['a full window', metrics({ context: context(100) }), 'ctx 100%'],
    ['nothing known yet → a placeholder, never an empty line', metrics({}), 'atm'],
  ])('%s', (_rule, input, line) => {
    expect(renderStatusLine(input)).toBe(line);
  });

  it('stays one line', () => {
    expect(renderStatusLine(metrics({ model, context: context(50), cost: cost(12.5) }))).not.toMatch(/\n/);
  });
});
