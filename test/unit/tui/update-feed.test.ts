import { describe, expect, it } from 'vitest';
import type { SessionId } from '../../../src/domain/ids.js';
import { applyFeedEvent } from '../../../src/tui/update-feed.js';
import { createDashboardState } from '../../../src/tui/view-state.js';
import { session } from './state-helpers.js';

const start = createDashboardState('dashboard', { width: 80, height: 24 });
const a = session({ id: 'a' });
const b = session({ id: 'b' });

describe('applyFeedEvent', () => {
  it('connecting changes only the connection', () => {
    expect(applyFeedEvent(start, { type: 'connecting' })).toMatchObject({
      connection: { kind: 'connecting' },
      hasConnected: false,
    });
  });

  it('a snapshot replaces the sessions and marks the dashboard connected', () => {
    const first = applyFeedEvent(start, { type: 'snapshot', sessions: [a, b] });
    const second = applyFeedEvent(first, { type: 'snapshot', sessions: [b] });
    expect([...second.sessions.keys()]).toEqual(['b']);
    expect(second).toMatchObject({ connection: { kind: 'connected' }, hasConnected: true });
  });

  it('an update upserts and removes', () => {
    const first = applyFeedEvent(start, { type: 'snapshot', sessions: [a, b] });
    const changed = { ...a, status: 'working' as const };
    const next = applyFeedEvent(first, {
      type: 'update',
      upsert: [changed, session({ id: 'c' })],
      remove: ['b' as SessionId],
    });
    expect([...next.sessions.keys()].sort()).toEqual(['a', 'c']);
    expect(next.sessions.get('a' as SessionId)?.status).toBe('working');
  });

  it('a disconnect keeps the last known sessions', () => {
    const first = applyFeedEvent(start, { type: 'snapshot', sessions: [a] });
    const next = applyFeedEvent(first, { type: 'disconnected', reason: 'socket closed', retryAt: 42 });
    expect(next.connection).toEqual({ kind: 'disconnected', reason: 'socket closed', retryAt: 42 });
    expect(next.sessions.size).toBe(1);
  });
});
