import { toSessionId, type SessionId } from '../domain/ids.js';
import type { Session } from '../domain/session.js';
import type { DroppedSession } from '../protocol/messages.js';
import { assertNever } from '../shared/assert-never.js';
import type { FeedEvent } from './session-source.js';
import type { DashboardState } from './view-state.js';

/** A dropped session without an id cannot be matched later; it counts once under its problem. */
const unreadableKey = (dropped: DroppedSession): string => dropped.id ?? `?${dropped.problem}`;

/**
 * Folds one feed event into the state. A snapshot replaces the sessions (the daemon is the truth
 * after a reconnect); while disconnected the last known sessions stay, and the view dims them.
 * A session this version could not read is kept by id in `unreadable` until it is removed or
 * comes back readable; an update it cannot read also takes its last readable version off screen,
 * which would be stale.
 */
export function applyFeedEvent(state: DashboardState, event: FeedEvent): DashboardState {
  switch (event.type) {
    case 'connecting':
      return { ...state, connection: { kind: 'connecting' } };
    case 'snapshot':
      return {
        ...state,
        connection: { kind: 'connected' },
        hasConnected: true,
        sessions: new Map(event.sessions.map((session): [SessionId, Session] => [session.id, session])),
        unreadable: new Set((event.unreadable ?? []).map(unreadableKey)),
        daemonProtocol: event.protocolVersion ?? state.daemonProtocol,
      };
    case 'update': {
      const sessions = new Map(state.sessions);
      const unreadable = new Set(state.unreadable);
      for (const id of event.remove) {
        sessions.delete(id);
        unreadable.delete(id);
      }
      for (const session of event.upsert) {
        sessions.set(session.id, session);
        unreadable.delete(session.id);
      }
      for (const dropped of event.unreadable ?? []) {
        const id = toSessionId(dropped.id);
        if (id !== null) sessions.delete(id);
        unreadable.add(unreadableKey(dropped));
      }
      return { ...state, sessions, unreadable };
    }
    case 'disconnected':
      return { ...state, connection: { kind: 'disconnected', reason: event.reason, retryAt: event.retryAt } };
    default:
      return assertNever(event, 'feed event');
  }
}
