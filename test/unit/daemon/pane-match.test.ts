import { describe, expect, it } from 'vitest';
import type { PaneId } from '../../../src/domain/ids.js';
import { matchPaneByAncestry, matchPaneById, walkAncestry, type ListedPane } from '../../../src/daemon/pane-match.js';

const pane = (id: string, panePid: number): ListedPane => ({
  pane: id as PaneId,
  panePid,
  session: 'work',
  window: `w${id}`,
});
const PANES = [pane('%0', 100), pane('%1', 200), pane('%2', 300)];

/** A process table as a child → parent map; anything else has no parent (gone). */
const parents = (table: Record<number, number>) => (pid: number) => Promise.resolve(table[pid] ?? null);

describe('walkAncestry', () => {
  it.each<[rule: string, table: Record<number, number>, from: number, chain: number[]]>([
    ['agent, shell, tmux server, init', { 500: 200, 200: 50, 50: 1, 1: 0 }, 500, [500, 200, 50, 1]],
    ['stops where the chain breaks (a parent exited)', { 500: 400 }, 500, [500, 400]],
    ['stops at a loop rather than spin', { 500: 400, 400: 500 }, 500, [500, 400]],
    ['pid 1 has no ancestors worth asking about', { 1: 0 }, 1, [1]],
  ])('%s', async (_rule, table, from, chain) => {
    expect(await walkAncestry(from, parents(table))).toEqual(chain);
  });

  it('stops at the depth bound', async () => {
    const deep: Record<number, number> = {};
    for (let pid = 1000; pid > 2; pid -= 1) deep[pid] = pid - 1;
    expect(await walkAncestry(1000, parents(deep), 5)).toEqual([1000, 999, 998, 997, 996, 995]);
  });

  it('a table that throws ends the walk, it does not fail it', async () => {
    expect(await walkAncestry(500, () => Promise.reject(new Error('no /proc')))).toEqual([500]);
  });
});

describe('matching a pane', () => {
  it.each<[rule: string, ancestry: number[], expected: string | null]>([
    ['the pane whose shell is the parent', [500, 200, 50, 1], '%1'],
    ['the pane tmux started the agent in directly', [300, 50, 1], '%2'],
    ['the nearest ancestor wins (a tmux inside a pane)', [500, 200, 100, 1], '%1'],
    ['no pane in the ancestry', [500, 400, 1], null],
  ])('%s', (_rule, ancestry, expected) => {
    expect(matchPaneByAncestry(ancestry, PANES)?.pane ?? null).toBe(expected);
  });

  it.each<[pane: string | null, expected: string | null]>([
    ['%2', '%2'],
    ['%9', null],
    [null, null],
  ])('by id %j: only a pane the server lists', (id, expected) => {
    expect(matchPaneById(id as PaneId | null, PANES)?.pane ?? null).toBe(expected);
  });
});
