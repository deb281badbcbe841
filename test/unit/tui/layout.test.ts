import { describe, expect, it } from 'vitest';
import { computeLayout, type Layout } from '../../../src/tui/layout.js';
import { createDashboardState, type Connection } from '../../../src/tui/view-state.js';

const layoutOf = (
  height: number,
  options: { detail?: boolean; connection?: Connection; hasConnected?: boolean } = {},
): Layout =>
  computeLayout({
    ...createDashboardState('dashboard', { width: 80, height }),
    showDetail: options.detail ?? true,
    connection: options.connection ?? { kind: 'connected' },
    hasConnected: options.hasConnected ?? true,
  });

describe('computeLayout', () => {
  it.each<[string, number, Parameters<typeof layoutOf>[1], Layout]>([
    [
      'full screen',
      40,
      {},
      { headerY: 0, bannerY: null, columnsY: 1, tableTop: 2, tableHeight: 30, detailTop: 32, footerY: 39 },
    ],
    [
      'no detail',
      40,
      { detail: false },
      { headerY: 0, bannerY: null, columnsY: 1, tableTop: 2, tableHeight: 37, detailTop: null, footerY: 39 },
    ],
    [
      'banner while disconnected',
      40,
      { connection: { kind: 'disconnected', reason: 'x', retryAt: 0 } },
      { headerY: 0, bannerY: 1, columnsY: 2, tableTop: 3, tableHeight: 29, detailTop: 32, footerY: 39 },
    ],
    [
      'banner while reconnecting',
      40,
      { connection: { kind: 'connecting' } },
      { headerY: 0, bannerY: 1, columnsY: 2, tableTop: 3, tableHeight: 29, detailTop: 32, footerY: 39 },
    ],
    [
      'no banner on the first connect',
      40,
      { connection: { kind: 'connecting' }, hasConnected: false },
      { headerY: 0, bannerY: null, columnsY: 1, tableTop: 2, tableHeight: 30, detailTop: 32, footerY: 39 },
    ],
    [
      'detail drops when the table would get too short',
      14,
      {},
      { headerY: 0, bannerY: null, columnsY: 1, tableTop: 2, tableHeight: 11, detailTop: null, footerY: 13 },
    ],
    [
      'tiny: column titles drop',
      4,
      {},
      { headerY: 0, bannerY: null, columnsY: null, tableTop: 1, tableHeight: 2, detailTop: null, footerY: 3 },
    ],
    [
      'one line',
      1,
      {},
      { headerY: 0, bannerY: null, columnsY: null, tableTop: 1, tableHeight: 0, detailTop: null, footerY: null },
    ],
    [
      'nothing',
      0,
      {},
      { headerY: null, bannerY: null, columnsY: null, tableTop: 0, tableHeight: 0, detailTop: null, footerY: null },
    ],
  ])('%s', (_name, height, options, expected) => {
    expect(layoutOf(height, options)).toEqual(expected);
  });
});
