import { createConnection } from 'node:net';
import type { StatusCounts } from '../domain/status-segment.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import { AtmError } from '../shared/errors.js';

/**
 * The counts behind `atm status`, on a cheap path for bars that run it every few seconds: one
 * connection, `hello` and `list`, and only the `status` of each session read from the snapshot
 * (tolerantly: no schema library is loaded, which is most of a full client's start-up cost).
 */
export function queryStatusCounts(socketPath: string, timeoutMs: number): Promise<StatusCounts> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let buffered = '';
    const fail = (error: AtmError): void => {
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new AtmError('timeout', `atmd did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('error', (error) => {
      clearTimeout(timer);
      fail(
        new AtmError('daemon-unreachable', `cannot reach atmd at ${socketPath}: ${error.message}`, {
          hint: 'start it with `atm daemon start` (or `atmd`), or check ATM_SOCKET / XDG_RUNTIME_DIR',
        }),
      );
    });
    socket.once('connect', () => {
      socket.write(
        `${JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, role: 'cli', client: 'atm' })}\n`,
      );
      socket.write(`${JSON.stringify({ type: 'list', id: 1 })}\n`);
    });
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        const counts = toCounts(line);
        if (counts === 'rejected') {
          clearTimeout(timer);
          return fail(
            new AtmError('protocol-mismatch', 'atmd refused this client', { hint: 'restart atmd after upgrading atm' }),
          );
        }
        if (counts !== null) {
          clearTimeout(timer);
          socket.destroy();
          return resolve(counts);
        }
      }
    });
  });
}

function toCounts(line: string): StatusCounts | 'rejected' | null {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const { type, sessions } = message as { type?: unknown; sessions?: unknown };
  if (type === 'rejected') return 'rejected';
  if (type !== 'snapshot' || !Array.isArray(sessions)) return null;
  const counts = { waiting: 0, working: 0, idle: 0 };
  for (const session of sessions as unknown[]) {
    const status = (session as { status?: unknown } | null)?.status;
    if (status === 'waiting' || status === 'working') counts[status] += 1;
    else counts.idle += 1;
  }
  return counts;
}
