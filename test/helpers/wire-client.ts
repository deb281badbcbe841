import { createConnection, type Socket } from 'node:net';

/** A raw line client for asserting the exact messages atmd puts on the wire. */
export interface WireClient extends AsyncDisposable {
  readonly socket: Socket;
  write(data: string | Buffer): void;
  send(message: unknown): void;
  /** The next line, parsed as JSON. */
  next(timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Skips lines until one matches. */
  nextMatching(
    match: (message: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves when the daemon closes the connection. */
  closed(timeoutMs?: number): Promise<void>;
  hello(role?: string): Promise<Record<string, unknown>>;
  close(): void;
}

export async function connectWire(socketPath: string): Promise<WireClient> {
  const socket = createConnection(socketPath);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let ended = false;
  socket.setEncoding('utf8');
  socket.on('data', (text: string) => {
    buffer += text;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      lines.push(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
    for (const wake of waiters.splice(0)) wake();
  });
  const onEnd = (): void => {
    ended = true;
    for (const wake of waiters.splice(0)) wake();
  };
  socket.on('end', onEnd);
  socket.on('close', onEnd);
  socket.on('error', () => undefined);

  const wait = (timeoutMs: number, ready: () => boolean, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (ready()) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      check();
    });

  const next = async (timeoutMs = 5_000): Promise<Record<string, unknown>> => {
    await wait(timeoutMs, () => lines.length > 0 || ended, 'a line from atmd');
    const line = lines.shift();
    if (line === undefined) throw new Error('atmd closed the connection');
    return JSON.parse(line) as Record<string, unknown>;
  };

  const client: WireClient = {
    socket,
    write: (data) => socket.write(data),
    send: (message) => socket.write(`${JSON.stringify(message)}\n`),
    next,
    nextMatching: async (match, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const message = await next(Math.max(1, deadline - Date.now()));
        if (match(message)) return message;
      }
    },
    closed: (timeoutMs = 5_000) => wait(timeoutMs, () => ended, 'atmd to close the connection'),
    hello: async (role = 'test') => {
      client.send({ type: 'hello', protocolVersion: '1.0', role });
      return next();
    },
    close: () => socket.destroy(),
    [Symbol.asyncDispose]: () => {
      socket.destroy();
      return Promise.resolve();
    },
  };
  return client;
}
