import { describe, expect, it } from 'vitest';
import type { SessionId } from '../../../src/domain/ids.js';
import { EXIT_CODES, type Message } from '../../../src/tui/update.js';
import { apply, selectedLabel, session, stateWith, THREE_PROJECTS } from './state-helpers.js';

// Rows under the status sort: [api] api-w api-k [docs] doc-k [web] web-i
const at = (...messages: Message[]): string | null => selectedLabel(stateWith(THREE_PROJECTS, messages).state);

describe('update: moving the selection', () => {
  it.each<[string, Message[], string]>([
    ['starts on the first session, not a group header', [], 'api-w'],
    ['down', [{ type: 'move', delta: 1 }], 'api-k'],
    ['down onto a group header', [{ type: 'move', delta: 2 }], 'group:/p/docs'],
    ['up from the first session reaches its group', [{ type: 'move', delta: -1 }], 'group:/p/api'],
    ['up stops at the top', [{ type: 'move', delta: -9 }], 'group:/p/api'],
    ['down stops at the bottom', [{ type: 'move', delta: 99 }], 'web-i'],
    ['bottom', [{ type: 'move-to', where: 'bottom' }], 'web-i'],
    ['top', [{ type: 'move-to', where: 'top' }], 'group:/p/api'],
    ['page down', [{ type: 'page', direction: 1 }], 'web-i'],
    [
      'page up',
      [
        { type: 'move-to', where: 'bottom' },
        { type: 'page', direction: -1 },
      ],
      'group:/p/api',
    ],
  ])('%s', (_name, messages, expected) => {
    expect(at(...messages)).toBe(expected);
  });

  it('pages by the table height', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      session({ id: `s${String(i).padStart(2, '0')}`, project: 'p', projectDir: '/p' }),
    );
    // 12 rows: header, banner-less, column titles, 9 table rows, footer (no room for the detail panel).
    const { state } = stateWith(many, [{ type: 'page', direction: 1 }], { height: 12 });
    expect(selectedLabel(state)).toBe('s08'); // from row 1 (s00) down 8 rows (table height 9, minus one)
    expect(state.scrollTop).toBe(1);
  });
});

describe('update: selection survives changes', () => {
  it('follows the selected session when a re-sort moves it', () => {
    const { state } = stateWith(THREE_PROJECTS, [{ type: 'move-to', where: 'bottom' }]);
    expect(selectedLabel(state)).toBe('web-i');
    const waiting = { ...THREE_PROJECTS[2]!, status: 'waiting' as const };
    const next = apply(state, { type: 'feed', event: { type: 'update', upsert: [waiting], remove: [] } }).state;
    expect(selectedLabel(next)).toBe('web-i');
  });

  it('stays at the same height when the selected session goes away', () => {
    const { state } = stateWith(THREE_PROJECTS, [{ type: 'move', delta: 1 }]);
    const next = apply(state, {
      type: 'feed',
      event: { type: 'update', upsert: [], remove: ['api-k' as SessionId] },
    }).state;
    expect(selectedLabel(next)).toBe('group:/p/docs');
  });

  it('survives a snapshot after a reconnect', () => {
    const { state } = stateWith(THREE_PROJECTS, [{ type: 'move', delta: 3 }]);
    expect(selectedLabel(state)).toBe('doc-k');
    const next = apply(
      state,
      { type: 'feed', event: { type: 'disconnected', reason: 'x', retryAt: 0 } },
      { type: 'feed', event: { type: 'snapshot', sessions: [...THREE_PROJECTS].reverse() } },
    ).state;
    expect(selectedLabel(next)).toBe('doc-k');
  });

  it('is null when there is nothing to select', () => {
    expect(selectedLabel(stateWith([]).state)).toBeNull();
  });
});

describe('update: groups, sort, detail, help', () => {
  it('space folds the selected session group and selects its header; space again unfolds', () => {
    const { state } = stateWith(THREE_PROJECTS, [{ type: 'toggle-group' }]);
    expect([...state.collapsed]).toEqual(['/p/api']);
    expect(selectedLabel(state)).toBe('group:/p/api');
    expect(apply(state, { type: 'toggle-group' }).state.collapsed.size).toBe(0);
  });

  it('Enter on a group header folds it instead of jumping', () => {
    const { state, effects } = stateWith(THREE_PROJECTS, [{ type: 'move-to', where: 'top' }, { type: 'activate' }]);
    expect(state.collapsed.has('/p/api')).toBe(true);
    expect(effects).toEqual([]);
  });

  it('s cycles status -> context -> cost -> recent -> status', () => {
    const sorts = [1, 2, 3, 4].map(
      (n) =>
        stateWith(
          THREE_PROJECTS,
          Array.from({ length: n }, () => ({ type: 'cycle-sort' }) as const),
        ).state.sort,
    );
    expect(sorts).toEqual(['context', 'cost', 'recent', 'status']);
  });

  it('Tab and ? toggle the detail panel and the help', () => {
    const { state } = stateWith(THREE_PROJECTS, [{ type: 'toggle-detail' }, { type: 'toggle-help' }]);
    expect(state.showDetail).toBe(false);
    expect(state.showHelp).toBe(true);
  });
});

describe('update: filter', () => {
  const typed = (text: string): Message[] => [
    { type: 'filter-open' },
    ...[...text].map((char) => ({ type: 'filter-type', text: char }) as const),
  ];

  it('narrows as you type and selects the first match', () => {
    const { state } = stateWith(THREE_PROJECTS, typed('web'));
    expect(state).toMatchObject({ filter: 'web', filterEditing: true });
    expect(selectedLabel(state)).toBe('web-i');
  });

  it('Enter keeps the filter, stops editing and selects the first match', () => {
    const { state } = stateWith(THREE_PROJECTS, [
      ...typed('p/'),
      { type: 'move', delta: 2 },
      { type: 'filter-accept' },
    ]);
    expect(state).toMatchObject({ filter: 'p/', filterEditing: false });
    expect(selectedLabel(state)).toBe('api-w');
  });

  it('Backspace deletes one character', () => {
    expect(stateWith(THREE_PROJECTS, [...typed('dox'), { type: 'filter-backspace' }]).state.filter).toBe('do');
  });

  it('Esc clears the filter and keeps the selection', () => {
    const { state } = stateWith(THREE_PROJECTS, [...typed('doc'), { type: 'filter-accept' }, { type: 'filter-clear' }]);
    expect(state).toMatchObject({ filter: '', filterEditing: false });
    expect(selectedLabel(state)).toBe('doc-k');
  });
});

describe('update: effects', () => {
  it('Enter on a session jumps to its pane', () => {
    expect(stateWith(THREE_PROJECTS, [{ type: 'activate' }]).effects).toEqual([
      { type: 'jump', pane: '%1', server: null, exitAfter: false },
    ]);
  });

  it("Enter names the session's own tmux server (pane ids repeat across servers)", () => {
    const [first, ...rest] = THREE_PROJECTS;
    const elsewhere = { ...first!, tmux: { ...first!.tmux!, server: '/tmp/tmux-1000/other' } };
    expect(stateWith([elsewhere, ...rest], [{ type: 'activate' }]).effects).toEqual([
      { type: 'jump', pane: '%1', server: '/tmp/tmux-1000/other', exitAfter: false },
    ]);
  });

  it('a pane on another server is news, not an error: the notice says what to run', () => {
    const { state } = stateWith(THREE_PROJECTS, [{ type: 'jump-elsewhere', command: 'tmux -S /x attach -t %1' }]);
    expect(state.notice).toEqual({
      text: 'That pane is on another tmux server; to see it, run: tmux -S /x attach -t %1',
      tone: 'info',
    });
  });

  it('Enter in pick mode jumps then exits', () => {
    const { effects } = stateWith(THREE_PROJECTS, [{ type: 'activate' }], { mode: 'pick' });
    expect(effects).toEqual([{ type: 'jump', pane: '%1', server: null, exitAfter: true }]);
  });

  it('Enter on a session outside tmux explains why nothing happens', () => {
    const { state, effects } = stateWith([session({ id: 'x', pane: null })], [{ type: 'activate' }]);
    expect(effects).toEqual([]);
    expect(state.notice?.text).toMatch(/not run in a tmux pane/);
  });

  it('a failed jump shows a notice, which the next key clears', () => {
    const { state } = stateWith(THREE_PROJECTS, [{ type: 'jump-failed', message: 'Could not jump: no pane' }]);
    expect(state.notice).toEqual({ text: 'Could not jump: no pane', tone: 'error' });
    expect(apply(state, { type: 'move', delta: 1 }).state.notice).toBeNull();
  });

  it.each([
    ['dashboard', EXIT_CODES.ok],
    ['pick', EXIT_CODES.cancelled],
  ] as const)('quit in %s mode exits with %i', (mode, code) => {
    expect(stateWith(THREE_PROJECTS, [{ type: 'quit' }], { mode }).effects).toEqual([{ type: 'exit', code }]);
  });
});

describe('update: mouse', () => {
  // Layout at 120x40: header 0, column titles 1, table from row 2.
  it('a click selects the row under it', () => {
    expect(at({ type: 'click', x: 10, y: 2 + 4 })).toBe('doc-k');
  });

  it('a click outside the table changes nothing', () => {
    expect(at({ type: 'click', x: 10, y: 0 })).toBe('api-w');
    expect(at({ type: 'click', x: 10, y: 30 })).toBe('api-w');
  });

  it('the wheel scrolls and keeps the selection on screen', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      session({ id: `s${String(i).padStart(2, '0')}`, project: 'p', projectDir: '/p' }),
    );
    const { state } = stateWith(many, [{ type: 'scroll', delta: 3 }], { height: 12 });
    expect(state.scrollTop).toBe(3);
    expect(selectedLabel(state)).toBe('s02'); // row 3: the first row still on screen
    expect(apply(state, { type: 'scroll', delta: -99 }).state.scrollTop).toBe(0);
  });
});

describe('update: resize', () => {
  it('keeps the selection visible when the screen shrinks', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      session({ id: `s${String(i).padStart(2, '0')}`, project: 'p', projectDir: '/p' }),
    );
    const { state } = stateWith(many, [{ type: 'move', delta: 30 }]);
    const small = apply(state, { type: 'resize', size: { width: 80, height: 12 } }).state;
    const index = 31; // header row + 31st session
    expect(small.scrollTop).toBeLessThanOrEqual(index);
    expect(small.scrollTop + 9).toBeGreaterThan(index);
  });
});
