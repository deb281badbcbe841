import { createConnection } from 'node:net';

/** The fields of a one-shot envelope (docs/PROTOCOL.md); `atm` is the protocol version. */
export interface EnvelopeFields {
  atm?: string;
  kind?: 'hook' | 'status';
  agentPid?: number | null;
  ppid?: number | null;
  pane?: string | null;
  tmux?: string | null;
  ts?: number;
  [extra: string]: unknown;
}

/** An envelope line (with its newline); defaults: protocol 1.0, a hook, no pid, no pane, now. */
export function envelopeLine(fields: EnvelopeFields = {}): string {
  return `${JSON.stringify({ atm: '1.0', kind: 'hook', agentPid: null, ppid: null, pane: null, tmux: null, ts: Date.now(), ...fields })}\n`;
}

export interface OneShotOptions {
  /** Send the bytes in pieces of at most this many bytes, one write (and one event-loop turn) each. */
  readonly chunkBytes?: number;
  /** Half-close after writing (the protocol's EOF). Default true. */
  readonly end?: boolean;
  readonly timeoutMs?: number;
}

/**
 * One raw one-shot connection: writes `bytes` (envelope line + payload, exactly as given),
 * half-closes, and collects everything atmd answers until it closes. Rejects on timeout, so a
 * daemon that never closes a one-shot connection fails the test instead of hanging it.
 */
export function sendRawOneShot(
  socketPath: string,
  bytes: string | Buffer,
  options: OneShotOptions = {},
): Promise<string> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path: socketPath, allowHalfOpen: true });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`atmd did not close the one-shot connection within ${options.timeoutMs ?? 5_000} ms`));
    }, options.timeoutMs ?? 5_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined); // a reset after atmd closed is an answer too
    // atmd's EOF ends the answer; with `end: false` our side is still open, so close it here.
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    socket.once('end', done);
    socket.once('close', done);
    socket.once('connect', () => {
      void (async () => {
        const size = options.chunkBytes ?? data.length;
        for (let offset = 0; offset < data.length; offset += size) {
          await new Promise<void>((done) => socket.write(data.subarray(offset, offset + size), () => done()));
          if (options.chunkBytes !== undefined) await new Promise((next) => setTimeout(next, 1));
        }
        if (options.end ?? true) socket.end();
      })();
    });
  });
}

/** A one-shot report: the envelope, then `payload` (an object is sent as JSON, a string or Buffer as is). */
export function sendOneShot(
  socketPath: string,
  envelope: EnvelopeFields,
  payload: unknown,
  options: OneShotOptions = {},
): Promise<string> {
  const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  return sendRawOneShot(socketPath, Buffer.concat([Buffer.from(envelopeLine(envelope)), Buffer.from(body)]), options);
}
