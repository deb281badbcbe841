import { readFileSync } from 'node:fs';
import { AtmError, describeError } from '../shared/errors.js';
import { isValidPid, type ProcessTable } from './process-table.js';

/** The fields of /proc/<pid>/stat that atm uses. */
export interface ProcStat {
  readonly comm: string;
  readonly state: string;
  readonly ppid: number;
  /** Field 22, clock ticks after boot, kept as the decimal string the kernel printed. */
  readonly startTime: string;
}

const DIGITS = /^\d+$/;

/**
 * Parses one /proc/<pid>/stat line. `comm` sits in parentheses and may itself hold spaces and
 * parentheses (a process may name itself `a) b (c`), so it runs to the LAST ")": everything after
 * that is plain space-separated numbers and letters.
 */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open === -1 || close < open) return null;
  // After ")" comes field 3 (state), so field N is rest[N - 3].
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const [state, ppid] = rest;
  const startTime = rest[22 - 3];
  if (state === undefined || ppid === undefined || startTime === undefined) return null;
  if (!DIGITS.test(ppid) || !DIGITS.test(startTime)) return null;
  return { comm: text.slice(open + 1, close), state, ppid: Number(ppid), startTime };
}

/** Zombies (Z) and dying tasks (X) still have a /proc entry but are gone as far as atm cares. */
const DEAD_STATES = new Set(['Z', 'X', 'x']);

function readProcFile(pid: number, name: 'stat' | 'cmdline'): string | null {
  if (!isValidPid(pid)) return null;
  try {
    // procfs is served from kernel memory, so a synchronous read takes microseconds, while
    // fs/promises' readFile allocates 64 KiB for every size-0 /proc file: with 1,000 sessions
    // checked each second that was 35 MiB of RSS and 3x the idle CPU (docs/PERFORMANCE.md).
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ESRCH') return null;
    // Anything else (no /proc, no permission) must not read as "the process died": liveness
    // would then drop every live session.
    throw new AtmError('io-failed', `cannot read /proc/${pid}/${name}: ${describeError(error)}`, {
      cause: error,
      hint: 'atm needs a readable /proc on Linux',
    });
  }
}

function readStat(pid: number): ProcStat | null {
  const text = readProcFile(pid, 'stat');
  const stat = text === null ? null : parseProcStat(text);
  return stat === null || DEAD_STATES.has(stat.state) ? null : stat;
}

/** A ProcessTable backed by Linux's /proc. Cheap: one small file read per question, no child process. */
export function createLinuxProcProcessTable(): ProcessTable {
  return {
    startTime: (pid) => settle(() => readStat(pid)?.startTime ?? null),
    parentPid: (pid) => settle(() => readStat(pid)?.ppid ?? null),
    command: (pid) => settle(() => readStat(pid)?.comm ?? null),
    commandLine: (pid) =>
      settle(() => {
        if (readStat(pid) === null) return null;
        const raw = readProcFile(pid, 'cmdline');
        // Arguments are NUL-terminated; a kernel thread has none.
        return raw === null ? null : raw.replace(/\0+$/, '').replaceAll('\0', ' ');
      }),
  };
}

/** The port is asynchronous (ps on macOS must be); a failure here becomes a rejection, never a throw. */
function settle<T>(read: () => T): Promise<T> {
  try {
    return Promise.resolve(read());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
