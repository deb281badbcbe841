import { createConnection, type Socket } from 'node:net';
import { LineDecoder } from '../protocol/line-decoder.js';
import { encodeMessage } from '../protocol/encode.js';
import {
  readDaemonMessage,
  type ClientMessage,
  type ClientRole,
  type DaemonMessage,
  type DroppedSession,
} from '../protocol/messages.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import { socketTrustProblem } from '../platform/socket-trust.js';
import { AtmError, describeError } from '../shared/errors.js';

export interface DaemonConnection extends AsyncDisposable {
  readonly welcome: Extract<DaemonMessage, { type: 'welcome' }>;
  send(message: ClientMessage): void;
  /** Waits for the next message that `accept` takes (others are passed to `onMessage`). */
  next<T extends DaemonMessage>(accept: (message: DaemonMessage) => message is T, timeoutMs: number): Promise<T>;
  /** `dropped`: the sessions of this snapshot or update it left out (see onProblem), usually none. */
  onMessage(listener: (message: DaemonMessage, dropped: readonly DroppedSession[]) => void): void;
  onClose(listener: (reason: string) => void): void;
  /** A line or a session this version could not read and left out (from a newer atmd, say). */
  onProblem(listener: (problem: string) => void): void;
  close(): void;
}

const MAX_REPLY_LINE_BYTES = 64 * 1024 * 1024;

/** Connects, says hello and waits for welcome; a refusal or silence becomes a clear AtmError. */
export async function connectToDaemon(options: {
  socketPath: string;
  role: ClientRole;
  timeoutMs: number;
}): Promise<DaemonConnection> {
  const socket = await openSocket(options.socketPath, options.timeoutMs);
  const connection = wrap(socket);
  connection.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, role: options.role, client: 'atm' });
  try {
    const first = await connection.next(
      (m): m is DaemonMessage => m.type === 'welcome' || m.type === 'rejected',
      options.timeoutMs,
    );
    if (first.type === 'rejected') {
      throw new AtmError('protocol-mismatch', `atmd refused this client: ${first.message}`, {
        hint: 'restart atmd after upgrading atm (atm service restart), so both come from the same release',
      });
    }
    if (first.type !== 'welcome') throw new AtmError('protocol-error', `expected welcome, got ${first.type}`);
    return Object.assign(connection, { welcome: first });
  } catch (error) {
    connection.close();
    throw error;
  }
}

function openSocket(path: string, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const untrusted = socketTrustProblem(path);
    if (untrusted !== null) {
      reject(
        new AtmError('daemon-unreachable', `atm will not talk to the socket: ${untrusted}`, {
          hint: 'another user may be listening there: set ATM_SOCKET (or XDG_RUNTIME_DIR) to a directory only you can write',
        }),
      );
      return;
    }
    const socket = createConnection(path);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new AtmError('timeout', `atmd did not accept a connection on ${path} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new AtmError('daemon-unreachable', `cannot reach atmd at ${path}: ${describeError(error)}`, {
          cause: error,
          hint: 'start it with `atm daemon start` (or `atmd`), or check ATM_SOCKET / XDG_RUNTIME_DIR',
        }),
      );
    });
  });
}

type Waiter = {
  accept: (m: DaemonMessage) => boolean;
  resolve: (m: DaemonMessage) => void;
  reject: (e: Error) => void;
};

function wrap(socket: Socket): Omit<DaemonConnection, 'welcome'> {
  const decoder = new LineDecoder({ maxLineBytes: MAX_REPLY_LINE_BYTES });
  const waiters: Waiter[] = [];
  const listeners: ((m: DaemonMessage, dropped: readonly DroppedSession[]) => void)[] = [];
  const closeListeners: ((reason: string) => void)[] = [];
  const problemListeners: ((problem: string) => void)[] = [];
  const problem = (text: string): void => {
    for (const listener of problemListeners) listener(text);
  };
  let closedReason: string | null = null;

  const deliver = (message: DaemonMessage, dropped: readonly DroppedSession[]): void => {
    const index = waiters.findIndex((w) => w.accept(message));
    const waiter = index === -1 ? undefined : waiters.splice(index, 1)[0];
    if (waiter !== undefined) waiter.resolve(message);
    else for (const listener of listeners) listener(message, dropped);
  };
  const closed = (reason: string): void => {
    if (closedReason !== null) return;
    closedReason = reason;
    for (const waiter of waiters.splice(0))
      waiter.reject(new AtmError('daemon-unreachable', `atmd closed the connection: ${reason}`));
    for (const listener of closeListeners) listener(reason);
  };

  socket.on('data', (chunk: Buffer) => {
    for (const item of decoder.push(chunk)) {
      if (item.type === 'overflow') {
        socket.destroy(new Error('reply line too long'));
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(item.text);
      } catch {
        problem('atmd sent a line that is not JSON; skipped it');
        continue; // not ours to crash on: skip a line we cannot read
      }
      const read = readDaemonMessage(json);
      if (!read.ok) {
        problem(`atmd sent a message this atm cannot read (${read.reason}); skipped it`);
        continue;
      }
      for (const dropped of read.dropped) problem(`left out a ${dropped.problem} this atm cannot read`);
      deliver(read.message, read.dropped);
    }
  });
  socket.on('error', (error) => closed(describeError(error)));
  socket.on('close', () => closed('connection closed'));

  const close = (): void => {
    socket.destroy();
    closed('closed by client');
  };
  return {
    send: (message) => {
      if (!socket.destroyed) socket.write(encodeMessage(message));
    },
    next: (accept, timeoutMs) =>
      new Promise((resolve, reject) => {
        if (closedReason !== null) {
          reject(new AtmError('daemon-unreachable', `atmd closed the connection: ${closedReason}`));
          return;
        }
        const timer = setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index !== -1) waiters.splice(index, 1);
          reject(new AtmError('timeout', `atmd did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter: Waiter = {
          accept,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m as never);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        waiters.push(waiter);
      }),
    onMessage: (listener) => listeners.push(listener),
    onClose: (listener) => closeListeners.push(listener),
    onProblem: (listener) => problemListeners.push(listener),
    close,
    [Symbol.asyncDispose]: () => {
      close();
      return Promise.resolve();
    },
  };
}
