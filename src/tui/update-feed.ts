import type { SessionId } from '../domain/ids.js';
import type { Session } from '../domain/session.js';
import { assertNever } from '../shared/assert-never.js';
import type { FeedEvent } from './session-source.js';
import type { DashboardState } from './view-state.js';

/**
 * Folds one feed event into the state. A snapshot replaces the sessions (the daemon is the truth
 * after a reconnect); while disconnected the last known sessions stay, and the view dims them.
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
      };
    case 'update': {
      const sessions = new Map(state.sessions);
      for (const id of event.remove) sessions.delete(id);
      for (const session of event.upsert) sessions.set(session.id, session);
      return { ...state, sessions };
    }
    case 'disconnected':
      return { ...state, connection: { kind: 'disconnected', reason: event.reason, retryAt: event.retryAt } };
    default:
      return assertNever(event, 'feed event');
  }
}
