import type { LogLevel } from './config-schema.js';

/** Structured context for one log entry. Values should be JSON-friendly; Errors are expanded by adapters. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * The daemon's log. Calls never throw and never block on IO (an adapter buffers); `close`
 * resolves once everything logged so far is on disk, so a shutdown that awaits it loses nothing.
 * `child` adds fields to every entry it writes and shares its parent's sink, so closing a child
 * closes the sink too. After `close`, further entries are dropped.
 */
export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
  close(): Promise<void>;
}

/** Discards everything: for code paths that take a Logger but run where nothing should be written. */
export function createNullLogger(): Logger {
  const logger: Logger = {
    error: () => undefined,
    warn: () => undefined,
    info: () => undefined,
    debug: () => undefined,
    child: () => logger,
    close: () => Promise.resolve(),
  };
  return logger;
}

export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: LogFields;
}

/** A Logger that keeps entries in memory, for tests to assert on what was logged. */
export interface MemoryLogger extends Logger {
  /** Every entry written through this logger or any of its children, oldest first. */
  readonly entries: readonly LogEntry[];
  readonly closed: boolean;
  /** The entries of one level, as messages: the usual shape of an assertion. */
  messages(level: LogLevel): string[];
}

export function createMemoryLogger(): MemoryLogger {
  const entries: LogEntry[] = [];
  let closed = false;
  const make = (bound: LogFields): Logger => {
    const write =
      (level: LogLevel) =>
      (message: string, fields: LogFields = {}) => {
        if (!closed) entries.push({ level, message, fields: { ...bound, ...fields } });
      };
    return {
      error: write('error'),
      warn: write('warn'),
      info: write('info'),
      debug: write('debug'),
      child: (fields) => make({ ...bound, ...fields }),
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    };
  };
  return {
    ...make({}),
    entries,
    get closed() {
      return closed;
    },
    messages: (level) => entries.filter((entry) => entry.level === level).map((entry) => entry.message),
  };
}
