import { AtmError } from '../shared/errors.js';
import { assertNever } from '../shared/assert-never.js';
import { runFile } from './exec-file.js';
import { isValidPid, type ProcessTable } from './process-table.js';

/** One `ps -o lstart=,ppid=,stat=,comm=` line. */
export interface PsLine {
  readonly startTime: string;
  readonly ppid: number;
  readonly state: string;
  readonly comm: string;
}

// lstart is always five words in the C locale ("Mon Nov  3 09:05:01 2025"); comm is the rest
// of the line and may hold spaces (macOS prints the executable's path).
const PS_LINE = /^\s*(\w+\s+\w+\s+\d+\s+\d{1,2}:\d{2}:\d{2}\s+\d{4})\s+(\d+)\s+(\S+)\s+(.*?)\s*$/;

export function parsePsLine(text: string): PsLine | null {
  const match = PS_LINE.exec(text.split('\n', 1)[0] ?? '');
  if (match === null) return null;
  const [, lstart = '', ppid = '', state = '', comm = ''] = match;
  // macOS prints a path; the short name is what `claude` detection wants.
  const name = comm.startsWith('/') ? comm.slice(comm.lastIndexOf('/') + 1) : comm;
  return { startTime: lstart.replace(/\s+/g, ' '), ppid: Number(ppid), state, comm: name };
}

/**
 * A ProcessTable for macOS (and any system with a POSIX ps), one `ps` run per question. lstart
 * has one-second resolution, which is enough to tell a reused pid from its predecessor in
 * practice. Runs ps with LC_ALL=C so the date format does not follow the user's locale.
 */
export function createPsProcessTable(options: { timeoutMs?: number } = {}): ProcessTable {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const env = { ...process.env, LC_ALL: 'C' };
  const ps = async (pid: number, columns: string): Promise<string | null> => {
    if (!isValidPid(pid)) return null;
    const outcome = await runFile('ps', ['-o', columns, '-p', String(pid)], { timeoutMs, env });
    switch (outcome.kind) {
      case 'exited':
        // ps exits 1 with no output when the pid does not exist.
        return outcome.stdout.trim() === '' ? null : outcome.stdout;
      case 'not-found':
        throw new AtmError('io-failed', 'cannot run ps: not found on PATH', { hint: 'install procps (ps)' });
      case 'timed-out':
        throw new AtmError('timeout', `ps -p ${pid} did not answer within ${timeoutMs} ms`);
      case 'failed':
        throw new AtmError('io-failed', `ps -p ${pid} failed: ${outcome.error.message}`, { cause: outcome.error });
      default:
        return assertNever(outcome, 'run outcome');
    }
  };
  const line = async (pid: number): Promise<PsLine | null> => {
    const text = await ps(pid, 'lstart=,ppid=,stat=,comm=');
    const parsed = text === null ? null : parsePsLine(text);
    return parsed === null || parsed.state.startsWith('Z') ? null : parsed;
  };
  return {
    startTime: async (pid) => (await line(pid))?.startTime ?? null,
    parentPid: async (pid) => (await line(pid))?.ppid ?? null,
    command: async (pid) => (await line(pid))?.comm ?? null,
    async commandLine(pid) {
      if ((await line(pid)) === null) return null;
      return (await ps(pid, 'args='))?.trimEnd() ?? null;
    },
  };
}
