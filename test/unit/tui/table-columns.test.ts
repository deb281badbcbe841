import { describe, expect, it } from 'vitest';
import { COLUMN_GAP, placeColumns } from '../../../src/tui/table-columns.js';

const ids = (width: number): string[] => placeColumns(width).map((column) => column.id);

describe('placeColumns', () => {
  it.each([
    [160, ['status', 'name', 'state', 'model', 'context', 'cost', 'activity', 'ago', 'where']],
    [120, ['status', 'name', 'state', 'model', 'context', 'cost', 'activity', 'ago', 'where']],
    // STATE stays at 80 (and below): it is what the dashboard is for.
    [80, ['status', 'name', 'state', 'context', 'cost', 'activity', 'ago', 'where']],
    [50, ['status', 'name', 'state', 'context', 'cost', 'activity', 'ago']],
    [30, ['status', 'name', 'state', 'context']],
    [20, ['status', 'name', 'state']],
    [8, ['status', 'name']],
  ])('at %i cells shows %j', (width, expected) => {
    expect(ids(width)).toEqual(expected);
  });

  it.each([8, 20, 30, 40, 50, 60, 79, 80, 90, 99, 100, 120, 200])(
    'never overflows %i cells, and columns do not overlap',
    (width) => {
      const columns = placeColumns(width);
      for (const [i, column] of columns.entries()) {
        expect(column.width).toBeGreaterThanOrEqual(0);
        expect(column.x + column.width).toBeLessThanOrEqual(width);
        const next = columns[i + 1];
        if (next !== undefined) expect(next.x).toBe(column.x + column.width + COLUMN_GAP);
      }
    },
  );

  it('fills wide terminals: the last column ends at the edge', () => {
    const last = placeColumns(200).at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBe(200);
  });

  it('sizes columns by their content: a long tmux name is whole while there is room', () => {
    const content = { name: 20, model: 17, where: 34, activity: 30, state: 7, cost: 6, ago: 3 };
    for (const width of [160, 250]) {
      const columns = placeColumns(width, content);
      expect(columns.find((column) => column.id === 'where')?.width).toBe(34);
      expect(columns.find((column) => column.id === 'model')?.width).toBe(17);
      expect(columns.find((column) => column.id === 'name')?.width).toBeGreaterThanOrEqual(20);
    }
  });

  it('never gives a column more than its content while another is cut', () => {
    const columns = placeColumns(120, { name: 12, model: 10, where: 30, activity: 12, state: 7, cost: 6, ago: 3 });
    expect(columns.find((column) => column.id === 'where')?.width).toBe(30);
  });

  it('uses short titles in narrow columns', () => {
    expect(placeColumns(50).find((column) => column.id === 'context')?.title).toBe('CTX');
    expect(placeColumns(120).find((column) => column.id === 'context')?.title).toBe('CONTEXT');
  });
});
