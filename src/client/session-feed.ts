import type { SessionId } from '../domain/ids.js';
import type { Session } from '../domain/session.js';
import type { ClientRole, DroppedSession } from '../protocol/messages.js';
import { describeError } from '../shared/errors.js';
import { connectToDaemon, type DaemonConnection } from './daemon-connection.js';

/** What a live view hears from the daemon (the dashboard, `atm watch`). */
export type FeedEvent =
  | { type: 'connecting' }
  /**
   * The whole registry, after each (re)connect: it replaces whatever the view had. `unreadable`:
   * the sessions this version could not read and left out (a newer atmd's), absent when none;
   * `protocolVersion`: the one atmd's welcome gave.
   */
  | { type: 'snapshot'; sessions: Session[]; unreadable?: readonly DroppedSession[]; protocolVersion?: string }
  | { type: 'update'; upsert: Session[]; remove: SessionId[]; unreadable?: readonly DroppedSession[] }
  /** `retryAt` is the epoch ms of the next attempt, so a banner can count down. */
  | { type: 'disconnected'; reason: string; retryAt: number };

export interface SessionSource {
  start(listener: (event: FeedEvent) => void): void;
  close(): void;
}

export const INITIAL_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;

/** The delay before reconnect attempt `attempt` (0-based): 1 s doubling to 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_RETRY_MS, INITIAL_RETRY_MS * 2 ** Math.min(attempt, 16));
}

/**
 * A subscription that survives the daemon: on every (re)connect it emits a fresh snapshot; when
 * the connection drops it says when it will retry, backing off from 1 s to 30 s, and resets the
 * backoff once a snapshot arrives.
 */
export function createSessionFeed(options: {
  socketPath: string;
  role: ClientRole;
  now?: () => number;
  connectTimeoutMs?: number;
}): SessionSource {
  const now = options.now ?? Date.now;
  let closed = false;
  let connection: DaemonConnection | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;

  const run = async (emit: (event: FeedEvent) => void): Promise<void> => {
    if (closed) return;
    emit({ type: 'connecting' });
    let reason: string;
    try {
      const conn = await connectToDaemon({
        socketPath: options.socketPath,
        role: options.role,
        timeoutMs: options.connectTimeoutMs ?? 2_000,
      });
      if (closed) return conn.close();
      connection = conn;
      reason = await new Promise<string>((resolve) => {
        conn.onMessage((message, dropped) => {
          const unreadable = dropped.length > 0 ? { unreadable: dropped } : {};
          if (message.type === 'snapshot') {
            attempt = 0;
            const { protocolVersion } = conn.welcome;
            emit({ type: 'snapshot', sessions: message.sessions, protocolVersion, ...unreadable });
          } else if (message.type === 'update')
            emit({ type: 'update', upsert: message.upsert, remove: message.remove, ...unreadable });
          else if (message.type === 'error') resolve(`atmd: ${message.message}`);
        });
        conn.onClose((why) => resolve(why));
        conn.send({ type: 'subscribe', id: 'feed' });
      });
      conn.close();
    } catch (error) {
      reason = describeError(error);
    }
    connection = null;
    if (closed) return;
    const delay = retryDelayMs(attempt);
    attempt += 1;
    emit({ type: 'disconnected', reason, retryAt: now() + delay });
    timer = setTimeout(() => void run(emit), delay);
  };

  return {
    start: (listener) => void run(listener),
    close: () => {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      connection?.close();
    },
  };
}
