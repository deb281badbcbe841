import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain/session.js';
import type { SessionId } from '../../../src/domain/ids.js';
import { gateNotification, nextWorkingSince, toNotifyIntent } from '../../../src/daemon/notifier-policy.js';
import { makeFakeSession, type FakeSessionInput } from '../../../src/tui/dev/fake-sessions.js';

const s = (input: Partial<FakeSessionInput> = {}): Session => makeFakeSession({ id: 'a', ...input });
const bash = { name: 'Bash', startedAt: '2025-01-01T12:00:00.000Z', summary: 'npm test' };
const waiting = s({ status: 'waiting', waitingFor: 'permission', tool: bash });
const working = s({ status: 'working' });
const idle = s({ status: 'idle' });
const t = (before: Session | null, after: Session | null) => ({ id: 'a' as SessionId, before, after });
const ALL = ['permission', 'question', 'plan', 'elicitation', 'finished'] as const;
const options = { transitions: ALL, minWorkMs: 30_000, workingSinceMs: 0, nowMs: 60_000 };

describe('toNotifyIntent', () => {
  it.each([
    ['working → waiting notifies', t(working, waiting), 'notify-waiting'],
    ['a new session that already waits notifies', t(null, waiting), 'notify-waiting'],
    ['a re-sent report while waiting (nothing changed) asks for nothing', t(waiting, { ...waiting }), 'none'],
    [
      'waiting for another tool replaces in place',
      t(waiting, s({ ...waiting, tool: { ...bash, name: 'Edit' } })),
      'update',
    ],
    ['waiting for another reason replaces in place', t(waiting, { ...waiting, waitingFor: 'elicitation' }), 'update'],
    ['waiting → working (approved) closes', t(waiting, working), 'close'],
    ['waiting → idle (denied, Esc) closes', t(waiting, idle), 'close'],
    ['waiting → gone closes', t(waiting, null), 'close'],
    ['idle → working closes a finished notification', t(idle, working), 'close'],
    ['working → working asks for nothing', t(working, { ...working, subagents: 1 }), 'none'],
    ['working → idle after 60 s of work says finished', t(working, idle), 'notify-finished'],
  ])('%s', (_name, transition, expected) => {
    expect(toNotifyIntent(transition, options).type).toBe(expected);
  });

  it('a reason left out of the transitions does not notify (and closes whatever was open)', () => {
    expect(toNotifyIntent(t(working, waiting), { ...options, transitions: ['question'] }).type).toBe('close');
  });

  it('finished needs the minimum work time and the "finished" transition', () => {
    expect(toNotifyIntent(t(working, idle), { ...options, workingSinceMs: 40_000 }).type).toBe('none');
    expect(toNotifyIntent(t(working, idle), { ...options, workingSinceMs: null }).type).toBe('none');
    expect(toNotifyIntent(t(working, idle), { ...options, transitions: ['permission'] }).type).toBe('none');
    expect(toNotifyIntent(t(working, idle), options)).toMatchObject({ workedMs: 60_000 });
  });
});

describe('nextWorkingSince', () => {
  it.each([
    ['idle → working starts the clock', t(idle, working), null, 5],
    ['a wait in the middle keeps it', t(working, waiting), 1, 1],
    ['back to work keeps it', t(waiting, working), 1, 1],
    ['idle stops it', t(working, idle), 1, null],
    ['gone stops it', t(working, null), 1, null],
    ['a session first seen waiting has no work time yet', t(null, waiting), null, null],
  ])('%s', (_name, transition, current, expected) => {
    expect(nextWorkingSince(transition, current, 5)).toBe(expected);
  });
});

describe('gateNotification', () => {
  const base = { nowMs: 100_000, lastNotifiedAtMs: null, recentMs: [], cooldownMs: 5_000, maxPerMinute: 3 };
  it.each([
    ['a first notification goes', base, { ok: true }],
    [
      'within the cooldown waits for its end',
      { ...base, lastNotifiedAtMs: 98_000 },
      { ok: false, why: 'cooldown', retryAtMs: 103_000 },
    ],
    ['after the cooldown goes', { ...base, lastNotifiedAtMs: 95_000 }, { ok: true }],
    [
      'three in the last minute: the fourth waits for the oldest to leave the window',
      { ...base, recentMs: [50_000, 60_000, 70_000] },
      { ok: false, why: 'rate-limit', retryAtMs: 110_000 },
    ],
    ['older ones do not count', { ...base, recentMs: [10_000, 60_000, 70_000] }, { ok: true }],
  ])('%s', (_name, input, expected) => {
    expect(gateNotification(input)).toEqual(expected);
  });
});
