/**
 * The port the dashboard consumes. The contract lives with its implementation in src/client
 * (reconnect with a backoff from 1 s doubling to 30 s); the dashboard only shows what it is told.
 */
export type { FeedEvent, SessionSource } from '../client/session-feed.js';
