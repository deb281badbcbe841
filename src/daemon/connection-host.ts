import type { Duplex } from 'node:stream';
import type { Session } from '../domain/session.js';
import type { Logger } from '../platform/logger.js';
import type { IngestResult, Reporter } from './ingest.js';

/** What a connection needs from the daemon. */
export interface ConnectionHost {
  readonly maxLineBytes: number;
  /** A connection whose unsent replies pass this many bytes is closed (a client that never reads). */
  readonly maxWriteBufferBytes: number;
  readonly oneShotTimeoutMs: number;
  readonly logger: Logger;
  readonly daemonVersion: string;
  sessions(): Session[];
  subscribe(stream: Duplex): { ok: true } | { ok: false; message: string };
  unsubscribe(stream: Duplex): void;
  /** With `reportId`, a report applied before under the same id is answered ok and not applied again. */
  ingest(reporter: Reporter, payload: unknown, reportId?: string): Promise<IngestResult>;
  /** Resolves once everything applied so far is saved. */
  saved(): Promise<void>;
}

/** What the daemon may ask of a live connection: whether it is a session (a dashboard, `atm list`). */
export interface ConnectionState {
  readonly isSession: boolean;
}
