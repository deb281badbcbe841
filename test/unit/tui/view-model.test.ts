import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/tui/update.js';
import { toDashboardView } from '../../../src/tui/view-model.js';
import { createDashboardState } from '../../../src/tui/view-state.js';
import { NOW, stateWith, THREE_PROJECTS } from './state-helpers.js';

const disconnect = (retryInMs: number): Message => ({
  type: 'feed',
  event: { type: 'disconnected', reason: 'gone', retryAt: NOW + retryInMs },
});

describe('toDashboardView', () => {
  it('counts sessions by status and sums their cost', () => {
    const { header } = toDashboardView(stateWith(THREE_PROJECTS).state, NOW);
    expect(header).toEqual({
      title: 'atm',
      connection: 'connected',
      counts: { working: 2, waiting: 1, idle: 1 },
      totalCostUsd: 5,
    });
  });

  it('counts all sessions, not only the filtered ones', () => {
    const { state } = stateWith(THREE_PROJECTS);
    expect(toDashboardView({ ...state, filter: 'web' }, NOW).header.counts).toEqual({
      working: 2,
      waiting: 1,
      idle: 1,
    });
  });

  it('titles pick mode', () => {
    expect(toDashboardView(stateWith(THREE_PROJECTS, [], { mode: 'pick' }).state, NOW).header.title).toBe('atm pick');
  });

  it.each([
    [4200, 'Daemon disconnected — reconnecting in 5s'],
    [1000, 'Daemon disconnected — reconnecting in 1s'],
    [30_000, 'Daemon disconnected — reconnecting in 30s'],
    [0, 'Daemon disconnected — reconnecting…'],
    [-500, 'Daemon disconnected — reconnecting…'],
  ])('banner with the retry %i ms away', (inMs, banner) => {
    const view = toDashboardView(stateWith(THREE_PROJECTS, [disconnect(inMs)]).state, NOW);
    expect(view.banner).toBe(banner);
    expect(view.dimmed).toBe(true);
    expect(view.rowCount).toBe(7); // the last known sessions stay
  });

  it('keeps the banner while reconnecting, and drops it with the next snapshot', () => {
    const reconnecting = stateWith(THREE_PROJECTS, [
      disconnect(1000),
      { type: 'feed', event: { type: 'connecting' } },
    ]).state;
    expect(toDashboardView(reconnecting, NOW).banner).toBe('Daemon disconnected — reconnecting…');
    const back = stateWith(THREE_PROJECTS, [
      disconnect(1000),
      { type: 'feed', event: { type: 'snapshot', sessions: [...THREE_PROJECTS] } },
    ]).state;
    expect(toDashboardView(back, NOW)).toMatchObject({ banner: null, dimmed: false });
  });

  it.each([
    [
      'connecting at start',
      createDashboardState('dashboard', { width: 80, height: 24 }),
      'Connecting to the atm daemon…',
    ],
    [
      'never reached the daemon',
      {
        ...createDashboardState('dashboard', { width: 80, height: 24 }),
        connection: { kind: 'disconnected', reason: 'x', retryAt: NOW },
      } as const,
      'No atm daemon answers. Start one with `atm daemon start` (or run `atm` without --no-start); this screen connects by itself.',
    ],
    [
      'no sessions',
      stateWith([]).state,
      'No agent sessions yet. Run `atm setup` once, then start Claude Code in a tmux pane: it shows up here. To see every state first, without Claude Code: `atm demo`.',
    ],
    [
      'no sessions, atm not on PATH yet (after `npm install && npm start`)',
      { ...stateWith([]).state, atm: { command: 'node dist/cli/main.js', install: '`npm install -g .` here' } },
      'No agent sessions yet. Run `node dist/cli/main.js setup` once, then start Claude Code in a tmux pane: it shows up here. (atm is not on your PATH yet: `npm install -g .` here puts it there.) To see every state first, without Claude Code: `node dist/cli/main.js demo`.',
    ],
    [
      'never reached the daemon, atm not on PATH yet',
      {
        ...createDashboardState('dashboard', { width: 80, height: 24 }, null, {
          command: 'node dist/cli/main.js',
          install: null,
        }),
        connection: { kind: 'disconnected', reason: 'x', retryAt: NOW },
      } as const,
      'No atm daemon answers. Start one with `node dist/cli/main.js daemon start` (or run `node dist/cli/main.js` without --no-start); this screen connects by itself.',
    ],
    ['no match', { ...stateWith(THREE_PROJECTS).state, filter: 'zzz ' }, 'No session matches "zzz".'],
  ])('empty message: %s', (_name, state, message) => {
    expect(toDashboardView(state, NOW).emptyMessage).toBe(message);
  });

  it('shows the rows in the scroll window and marks the selected one', () => {
    const { state } = stateWith(THREE_PROJECTS, [], { height: 6 }); // table of 3 rows
    const view = toDashboardView(state, NOW);
    expect(
      view.rows.map(({ row, selected }) => [row.kind === 'group' ? row.project : row.session.id, selected]),
    ).toEqual([
      ['api', false],
      ['api-w', true],
      ['api-k', false],
    ]);
  });

  it('details the selected session, and nothing for a group header', () => {
    expect(toDashboardView(stateWith(THREE_PROJECTS).state, NOW).detail?.id).toBe('api-w');
    expect(
      toDashboardView(stateWith(THREE_PROJECTS, [{ type: 'move-to', where: 'top' }]).state, NOW).detail,
    ).toBeNull();
  });
});
