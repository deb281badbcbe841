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
  /** After the log file failed (a full disk), how long until it is opened again. */
  readonly reopenAfterMs?: number;
  /** Where a failing log is reported (once per outage); atmd's stderr, which the service manager keeps. */
  readonly reportProblem?: (line: string) => void;
}

const REOPEN_AFTER_MS = 30_000;

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
 *
 * Losing the log never kills the daemon (issue 10, defect 5): every error the file stream or
 * winston emits is listened to with `on`, not `once` (a disk full twice used to be fatal). The
 * failure is reported once per outage, entries are counted rather than buffered while the file
 * is broken, and the file is opened again after `reopenAfterMs`; the first entry written then
 * says how many were lost.
 */
export function createWinstonLogger(options: WinstonLoggerOptions): Logger {
  prepareLogDir(options.logDir);
  const reportProblem =
    options.reportProblem ??
    ((line: string) => {
      process.stderr.write(line);
    });
  const reopenAfterMs = options.reopenAfterMs ?? REOPEN_AFTER_MS;
  const root = winston.createLogger({
    levels: LEVELS,
    level: options.level,
    format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
    exitOnError: false,
  });
  let outage: { lost: number; error: string } | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | null = null;
  let closing: Promise<void> | null = null;

  const failed = (from: DailyRotateFile, error: unknown): void => {
    if (from !== transport || outage !== null || closing !== null) return;
    outage = { lost: 0, error: describeError(error) };
    reportProblem(
      `atmd: cannot write the log in ${options.logDir}: ${outage.error}; trying again in ${reopenAfterMs} ms\n`,
    );
    reopenTimer = setTimeout(reopen, reopenAfterMs);
    reopenTimer.unref();
  };
  const open = (): DailyRotateFile => {
    const opened = createTransport(options.logDir);
    opened.on('error', (error: unknown) => failed(opened, error));
    opened.logStream.on('error', (error: unknown) => failed(opened, error));
    return opened;
  };
  const reopen = (): void => {
    reopenTimer = null;
    if (closing !== null || outage === null) return;
    const { lost, error } = outage;
    let opened: DailyRotateFile;
    try {
      opened = open();
    } catch {
      reopenTimer = setTimeout(reopen, reopenAfterMs); // the directory itself is gone or full: later
      reopenTimer.unref();
      return;
    }
    const old = transport;
    root.remove(old);
    // The old stream failed; ending it frees its descriptor (its errors are ignored from now on).
    try {
      old.logStream.end();
    } catch {
      // already destroyed
    }
    transport = opened;
    root.add(transport);
    outage = null;
    root.warn('the log could not be written for a while', { lost, error });
  };
  // winston re-emits every transport error on the logger as well.
  root.on('error', (error: unknown) => failed(transport, error));
  let transport = open();
  root.add(transport);

  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      if (reopenTimer !== null) clearTimeout(reopenTimer);
      if (outage !== null) {
        resolve(); // nothing can be flushed to a file that fails
        return;
      }
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
      if (closing !== null) return;
      if (outage !== null) outage.lost += 1;
      else target.log(level, message, toRecord(fields));
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

function createTransport(logDir: string): DailyRotateFile {
  return new DailyRotateFile({
    dirname: logDir,
    filename: 'atmd-%DATE%.log',
    datePattern: 'YYYY-MM-DD',
    maxSize: '10m',
    maxFiles: '7d',
    auditFile: join(logDir, '.atmd-audit.json'),
    options: { flags: 'a', mode: 0o600 },
  });
}
