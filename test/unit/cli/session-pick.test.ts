import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain/session.js';
import { findSession, pickNext, waitingInOrder } from '../../../src/cli/session-pick.js';
import { makeFakeSession, type FakeSessionInput } from '../../../src/tui/dev/fake-sessions.js';

const at = (s: number): string => new Date(Date.UTC(2026, 0, 1, 12, 0, s)).toISOString();
const s = (input: FakeSessionInput): Session => makeFakeSession(input);
const waiting = (id: string, since: number, extra: Partial<FakeSessionInput> = {}): Session =>
  s({
    id,
    status: 'waiting',
    waitingFor: 'permission',
    tool: { name: 'Bash', startedAt: at(since), summary: null },
    ...extra,
  });
const sessions = [
  waiting('c-3', 30),
  waiting('a-1', 10, { project: 'api' }),
  s({ id: 'w-9', status: 'working', project: 'web', pane: '%9' }),
  waiting('b-2', 20, { project: 'api' }),
  waiting('d-4', 5, { pane: null }),
];

describe('atm next', () => {
  it('orders the waiting sessions with a pane, longest waiting first', () => {
    expect(waitingInOrder(sessions).map((x) => x.id)).toEqual(['a-1', 'b-2', 'c-3']);
  });
  it.each([
    [null, 'a-1'],
    ['a-1', 'b-2'],
    ['b-2', 'c-3'],
    ['c-3', 'a-1'],
    ['w-9', 'a-1'],
    ['gone', 'a-1'],
  ])('after %s comes %s', (last, expected) => {
    expect(pickNext(sessions, last)?.id).toBe(expected);
  });
  it('nothing waiting: null', () => {
    expect(pickNext([s({ id: 'w', status: 'working' })], null)).toBeNull();
  });
});

describe('atm jump <query>', () => {
  it.each([
    ['w-9', 'w-9'],
    ['web', 'w-9'],
    ['edit:2', 'w-9'],
  ])('%s finds %s', (query, id) => {
    const web = sessions[2];
    const one = [sessions[0], web && { ...web, tmux: web.tmux && { ...web.tmux, window: '2', session: 'edit' } }];
    expect(
      findSession(
        one.filter((x) => x !== undefined),
        query,
      ).id,
    ).toBe(id);
  });
  it('a unique id prefix of 4+ characters', () => {
    const ids = [s({ id: 'abcd-1111' }), s({ id: 'abce-2222' })];
    expect(findSession(ids, 'abcd').id).toBe('abcd-1111');
    expect(() => findSession(ids, 'abc')).toThrow(/no session matches "abc"/);
  });
  it('several matches: an error that lists them', () => {
    expect(() => findSession(sessions, 'api')).toThrow(
      /"api" matches 2 sessions: a-1 \(api, waiting\), b-2 \(api, waiting\)/,
    );
  });
  it('strips escapes from what it echoes', () => {
    expect(() => findSession(sessions, '\u001b[2Jx')).toThrow('no session matches "x"');
  });
});
