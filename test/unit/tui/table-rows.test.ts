import { describe, expect, it } from 'vitest';
import { toTableRows, type TableRow } from '../../../src/tui/table-rows.js';
import type { SortMode } from '../../../src/tui/view-state.js';
import { session, stateWith, THREE_PROJECTS } from './state-helpers.js';

const labels = (rows: readonly TableRow[]): string[] =>
  rows.map((row) => (row.kind === 'group' ? `[${row.project}]` : row.session.id));

describe('toTableRows', () => {
  it('groups by project, waiting groups and sessions first under the status sort', () => {
    const { state } = stateWith(THREE_PROJECTS);
    expect(labels(toTableRows(state))).toEqual(['[api]', 'api-w', 'api-k', '[docs]', 'doc-k', '[web]', 'web-i']);
  });

  it('summarises each group', () => {
    const [group] = toTableRows(stateWith(THREE_PROJECTS).state);
    expect(group).toMatchObject({
      kind: 'group',
      project: 'api',
      sessions: 2,
      waiting: 1,
      costUsd: 2.5,
      collapsed: false,
    });
  });

  it('keeps two projects with the same name but different directories apart', () => {
    const { state } = stateWith([
      session({ id: 'a', project: 'api', projectDir: '/one/api' }),
      session({ id: 'b', project: 'api', projectDir: '/two/api' }),
    ]);
    expect(labels(toTableRows(state))).toEqual(['[api]', 'a', '[api]', 'b']);
  });

  const sortable = [
    session({
      id: 'low',
      project: 'p',
      projectDir: '/p',
      status: 'waiting',
      context: { usedTokens: 1, windowSize: 100, usedPercent: 10 },
      cost: { totalUsd: 9, linesAdded: 0, linesRemoved: 0, durationMs: 0 },
      lastEventAt: '2025-01-01T11:00:00.000Z',
    }),
    session({
      id: 'high',
      project: 'p',
      projectDir: '/p',
      status: 'idle',
      context: { usedTokens: 1, windowSize: 100, usedPercent: 95 },
      cost: { totalUsd: 1, linesAdded: 0, linesRemoved: 0, durationMs: 0 },
      lastEventAt: '2025-01-01T11:59:00.000Z',
    }),
    session({
      id: 'none',
      project: 'p',
      projectDir: '/p',
      status: 'working',
      context: null,
      cost: null,
      lastEventAt: '2025-01-01T11:30:00.000Z',
    }),
  ];

  it.each<[SortMode, string[]]>([
    ['status', ['low', 'none', 'high']],
    ['context', ['high', 'low', 'none']],
    ['cost', ['low', 'high', 'none']],
    ['recent', ['high', 'none', 'low']],
  ])('sorts by %s', (sort, expected) => {
    const { state } = stateWith(sortable);
    expect(labels(toTableRows({ ...state, sort })).slice(1)).toEqual(expected);
  });

  it('hides the sessions of a folded group', () => {
    const { state } = stateWith(THREE_PROJECTS);
    const rows = toTableRows({ ...state, collapsed: new Set(['/p/api']) });
    expect(labels(rows)).toEqual(['[api]', '[docs]', 'doc-k', '[web]', 'web-i']);
    expect(rows[0]).toMatchObject({ collapsed: true });
  });

  it('filters, and unfolds every group while a filter is set', () => {
    const { state } = stateWith(THREE_PROJECTS);
    const rows = toTableRows({ ...state, filter: 'sub', collapsed: new Set(['/p/api']) });
    expect(labels(rows)).toEqual(['[api]', 'api-k']);
  });

  it('is empty when nothing matches', () => {
    const { state } = stateWith(THREE_PROJECTS);
    expect(toTableRows({ ...state, filter: 'zzz' })).toEqual([]);
  });
});
