import { chmodSync, mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
import { AtmError, describeError } from '../shared/errors.js';
import type { LogLevel } from './config-schema.js';
import type { LogFields, Logger } from './logger.js';

export interface WinstonLoggerOptions {
  /** Absolute; created 0700 (and tightened to 0700 if it exists) because logs name the user's projects. */
  readonly logDir: string;
  readonly level: LogLevel;
  /** close() resolves after this even if the file stream never reports finishing (a full disk). */
  readonly closeTimeoutMs?: number;
}

const LEVELS: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };
// Keys winston owns in each JSON line; a field with one of these names is renamed, not lost.
const RESERVED = new Set(['level', 'message', 'timestamp']);

/** JSON-friendly fields: Errors become {name, message, code, stack} (JSON.stringify drops them to {}). */
function toRecord(fields: LogFields | undefined): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    const name = RESERVED.has(key) ? `field.${key}` : key;
    record[name] =
      value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack } : value;
  }
  return record;
}

function prepareLogDir(logDir: string): void {
  if (!isAbsolute(logDir)) throw new AtmError('internal', `the log directory must be absolute, got ${logDir}`);
  try {
    mkdirSync(logDir, { recursive: true, mode: 0o700 });
    chmodSync(logDir, 0o700);
  } catch (error) {
    throw new AtmError('io-failed', `cannot create the log directory ${logDir}: ${describeError(error)}`, {
      cause: error,
      hint: 'check that the directory (or $XDG_STATE_HOME) is writable by you',
    });
  }
}

/**
 * The daemon's Logger: JSON lines in `<logDir>/atmd-YYYY-MM-DD.log`, a new file each day and
 * every 10 MB, files older than 7 days removed, the rotation audit kept at an explicit absolute
 * path (by default the library names it after a hash of the options, which changes with them).
 * Synchronous (it runs once, at start-up) and throws an AtmError when the directory cannot be made.
 */
export function createWinstonLogger(options: WinstonLoggerOptions): Logger {
  prepareLogDir(options.logDir);
  const transport = new DailyRotateFile({
    dirname: options.logDir,
    filename: 'atmd-%DATE%.log',
    datePattern: 'YYYY-MM-DD',
    maxSize: '10m',
    maxFiles: '7d',
    auditFile: join(options.logDir, '.atmd-audit.json'),
    options: { flags: 'a', mode: 0o600 },
  });
  const root = winston.createLogger({
    levels: LEVELS,
    level: options.level,
    format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
    transports: [transport],
    exitOnError: false,
  });
  // Losing the log must not kill the daemon; say so once where the service manager sees it.
  root.once('error', (error: unknown) => process.stderr.write(`atmd: cannot write the log: ${describeError(error)}\n`));

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.closeTimeoutMs ?? 5_000);
      // winston's own 'finish' fires once entries reach the transport; the file stream's 'finish'
      // fires after its last write reached the file, which is what "flushed" means here.
      transport.logStream.once('finish', () => {
        clearTimeout(timer);
        resolve();
      });
      root.end();
    }));

  const wrap = (target: winston.Logger): Logger => {
    const write = (level: LogLevel) => (message: string, fields?: LogFields) => {
      if (closing === null) target.log(level, message, toRecord(fields));
    };
    return {
      error: write('error'),
      warn: write('warn'),
      info: write('info'),
      debug: write('debug'),
      child: (fields) => wrap(target.child(toRecord(fields))),
      close,
    };
  };
  return wrap(root);
}
