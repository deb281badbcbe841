import { describe, expect, it } from 'vitest';
import { paneIdSchema, sessionIdSchema } from '../../../src/domain/ids.js';
import { Registry, type ApplyOutcome } from '../../../src/domain/registry.js';
import type { SessionEvent } from '../../../src/domain/session-event.js';
import type { SessionFact } from '../../../src/domain/session-fact.js';
import type { SessionTransition } from '../../../src/domain/session-transition.js';
import { T0, hook, hookEvent, statusEvent, statusLine } from './claude-events.js';

const idOf = (n: number): string => `session-${n}`;
const hookFor = (n: number, name: string, at = T0, fields: Record<string, unknown> = {}): SessionEvent =>
  hookEvent(hook(name, { session_id: idOf(n), ...fields }), at);
const statusFor = (n: number, at = T0): SessionEvent => statusEvent(statusLine({ session_id: idOf(n) }), at);

/** A registry already holding sessions 1..count, each started by SessionStart. */
function filled(count: number, maxSessions: number): Registry {
  const registry = new Registry({ maxSessions });
  for (let n = 1; n <= count; n += 1) registry.apply(hookFor(n, 'SessionStart'));
  return registry;
}

const sid = (n: number) => sessionIdSchema.parse(idOf(n));

/** What a transition did, in one word: a removal has no `after`, anything else is an upsert. */
const kindOf = (t: SessionTransition | null): 'upsert' | 'remove' | null =>
  t === null ? null : t.after === null ? 'remove' : 'upsert';

describe('Registry.apply', () => {
  it.each<
    [
      rule: string,
      registry: () => Registry,
      event: SessionEvent,
      outcome: ApplyOutcome['type'],
      change: string | null,
      size: number,
    ]
  >([
    [
      'a first event creates the session (upsert)',
      () => filled(0, 3),
      hookFor(1, 'SessionStart'),
      'applied',
      'upsert',
      1,
    ],
    [
      'an event for a known session updates it (upsert)',
      () => filled(1, 3),
      hookFor(1, 'UserPromptSubmit'),
      'applied',
      'upsert',
      1,
    ],
    [
      'any first report creates the session, a status line too',
      () => filled(0, 3),
      statusFor(1),
      'applied',
      'upsert',
      1,
    ],
    [
      'any first report creates the session, an unknown hook too',
      () => filled(0, 3),
      hookFor(1, 'FutureEvent'),
      'applied',
      'upsert',
      1,
    ],
    ['SessionEnd removes a known session', () => filled(2, 3), hookFor(1, 'SessionEnd'), 'applied', 'remove', 1],
    [
      'SessionEnd for an unknown session changes nothing',
      () => filled(2, 3),
      hookFor(9, 'SessionEnd'),
      'applied',
      null,
      2,
    ],
    ['a new session beyond the limit is refused', () => filled(3, 3), hookFor(4, 'SessionStart'), 'refused', null, 3],
    [
      'a status line for a new session beyond the limit is refused',
      () => filled(3, 3),
      statusFor(4),
      'refused',
      null,
      3,
    ],
    [
      'a known session at the limit still updates',
      () => filled(3, 3),
      hookFor(2, 'UserPromptSubmit'),
      'applied',
      'upsert',
      3,
    ],
    ['SessionEnd at the limit still removes', () => filled(3, 3), hookFor(2, 'SessionEnd'), 'applied', 'remove', 2],
    [
      'SessionEnd for an unknown session at the limit is not refused',
      () => filled(3, 3),
      hookFor(9, 'SessionEnd'),
      'applied',
      null,
      3,
    ],
  ])('%s', (_rule, makeRegistry, event, outcome, change, size) => {
    const registry = makeRegistry();
    const result = registry.apply(event);
    expect(result.type).toBe(outcome);
    if (result.type === 'applied') expect(kindOf(result.transition)).toBe(change);
    expect(registry.size).toBe(size);
  });

  it('a refusal names the limit so the daemon can say what to raise', () => {
    expect(filled(2, 2).apply(hookFor(3, 'SessionStart'))).toEqual({
      type: 'refused',
      reason: 'session-limit',
      limit: 2,
    });
  });

  it('a removed session frees its place under the limit', () => {
    const registry = filled(2, 2);
    registry.apply(hookFor(1, 'SessionEnd'));
    expect(registry.apply(hookFor(3, 'SessionStart')).type).toBe('applied');
    expect(registry.sessions().map((s) => s.id)).toEqual([idOf(2), idOf(3)]);
  });

  it('a transition carries the session before and after, and get() returns the after', () => {
    const registry = filled(1, 3);
    const before = registry.get(sid(1))?.session;
    const result = registry.apply(
      hookFor(1, 'PreToolUse', T0 + 10, { tool_name: 'Bash', tool_input: { command: 'ls' } }),
    );
    expect(result).toMatchObject({
      type: 'applied',
      transition: { id: idOf(1), before: { status: 'idle' }, after: { id: idOf(1), status: 'working' } },
    });
    const transition = result.type === 'applied' ? result.transition : null;
    expect(transition?.before).toBe(before);
    expect(transition?.after).toEqual(registry.get(sid(1))?.session);
  });

  it('a new session has no before', () => {
    const result = filled(0, 3).apply(hookFor(1, 'SessionStart'));
    expect(result).toMatchObject({
      type: 'applied',
      transition: { id: idOf(1), before: null, after: { id: idOf(1) } },
    });
  });

  it('a remove names the session and what it was', () => {
    const registry = filled(1, 3);
    const before = registry.get(sid(1))?.session;
    expect(registry.apply(hookFor(1, 'SessionEnd'))).toEqual({
      type: 'applied',
      transition: { id: idOf(1), before, after: null },
    });
  });

  it('keeps sessions apart: an event for one never touches another', () => {
    const registry = filled(2, 3);
    registry.apply(hookFor(1, 'UserPromptSubmit', T0 + 10));
    registry.apply(hookFor(2, 'PermissionRequest', T0 + 20, { tool_name: 'Bash' }));
    registry.apply(hookFor(1, 'Stop', T0 + 30));
    expect(registry.sessions().map((s) => [s.id, s.status, s.waitingFor])).toEqual([
      [idOf(1), 'idle', null],
      [idOf(2), 'waiting', 'permission'],
    ]);
  });
});

describe('Registry.record: what the daemon finds out goes through the same commit', () => {
  it.each<[rule: string, fact: SessionFact, result: 'upsert' | 'remove' | null, size: number]>([
    [
      'agent-gone for the pid the session runs on removes it',
      { type: 'agent-gone', id: sid(1), pid: 4242 },
      'remove',
      1,
    ],
    ['agent-gone for an unknown session says nothing', { type: 'agent-gone', id: sid(9), pid: 4242 }, null, 2],
    [
      'pid-started stores the start time (an upsert whose session is the same object)',
      { type: 'pid-started', id: sid(1), pid: 4242, startTime: 's' },
      'upsert',
      2,
    ],
    [
      'tmux-names that tmux already gave change nothing',
      { type: 'tmux-names', id: sid(1), pane: paneIdSchema.parse('%3'), server: null, session: null, window: null },
      null,
      2,
    ],
  ])('%s', (_rule, fact, result, size) => {
    const registry = filled(2, 3);
    const outcome = registry.record(fact);
    expect(outcome.type === 'applied' && kindOf(outcome.transition)).toBe(result);
    expect(registry.size).toBe(size);
  });

  it('a bookkeeping fact keeps the session object: observers see before === after', () => {
    const registry = filled(1, 3);
    const before = registry.get(sid(1))?.session;
    const outcome = registry.record({ type: 'pid-started', id: sid(1), pid: 4242, startTime: 's' });
    expect(outcome).toEqual({ type: 'applied', transition: { id: sid(1), before, after: before } });
    expect(registry.get(sid(1))?.pidStart).toBe('s');
  });

  it('restored entries come back up to the session limit; the rest are refused', () => {
    const source = filled(4, 10);
    const registry = new Registry({ maxSessions: 3 });
    const outcomes = source
      .entries()
      .map((entry) => registry.record({ type: 'restored', id: entry.session.id, entry }).type);
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'refused']);
    expect(registry.sessions().map((s) => s.id)).toEqual([idOf(1), idOf(2), idOf(3)]);
    expect(registry.get(sid(2))).toEqual(source.get(sid(2)));
  });

  it('restored entries keep their event clock: an older event does not roll them back', () => {
    const source = filled(1, 3);
    source.apply(hookFor(1, 'Stop', T0 + 500));
    const registry = new Registry({ maxSessions: 3 });
    for (const entry of source.entries()) registry.record({ type: 'restored', id: entry.session.id, entry });
    registry.apply(hookFor(1, 'UserPromptSubmit', T0 + 100));
    expect(registry.get(sid(1))?.session.status).toBe('idle');
  });
});

describe('Registry: reports that arrive after SessionEnd', () => {
  const ended = (): Registry => {
    const registry = filled(1, 3);
    registry.apply(hookFor(1, 'SessionEnd', T0 + 100));
    return registry;
  };

  it.each<[rule: string, event: SessionEvent, size: number]>([
    [
      'a report written before SessionEnd does not bring a ghost back',
      hookFor(1, 'PreToolUse', T0 + 50, { tool_name: 'Bash' }),
      0,
    ],
    ['a status line written before SessionEnd does not either', statusFor(1, T0 + 99), 0],
    ['a report at the same instant as SessionEnd does not either', hookFor(1, 'Stop', T0 + 100), 0],
    ['a later report (claude --resume) brings the session back', hookFor(1, 'SessionStart', T0 + 200), 1],
    ['a status line written after SessionEnd (Claude runs one as it exits) does not', statusFor(1, T0 + 150), 0],
  ])('%s', (_rule, event, size) => {
    const registry = ended();
    registry.apply(event);
    expect(registry.size).toBe(size);
  });

  it('forgets the oldest ended sessions beyond its bound, and still ends new ones', () => {
    const registry = new Registry({ maxSessions: 5 });
    for (let n = 1; n <= 1_005; n += 1) registry.apply(hookFor(n, 'SessionEnd', T0));
    registry.apply(hookFor(1, 'Stop', T0 - 1)); // session 1's end was forgotten: it comes back
    registry.apply(hookFor(1_005, 'Stop', T0 - 1)); // session 1005's end is remembered
    expect(registry.sessions().map((s) => s.id)).toEqual([idOf(1)]);
  });
});
