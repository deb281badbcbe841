import type { Socket } from 'node:net';
import type { Session } from '../domain/session.js';
import type { Logger } from '../platform/logger.js';
import { encodeMessage } from '../protocol/encode.js';
import { LineDecoder } from '../protocol/line-decoder.js';
import {
  clientMessageSchema,
  envelopeSchema,
  type ClientMessage,
  type DaemonMessage,
  type Envelope,
  type WireErrorCode,
  HOOK_ACK,
} from '../protocol/messages.js';
import { PROTOCOL_VERSION, isCompatibleVersion } from '../protocol/version.js';
import type { IngestResult, Reporter } from './ingest.js';
import { describeFirstIssue, isEnvelopeLike, parseJson, toRejected } from '../protocol/wire-parsing.js';

/** What a connection needs from the daemon. */
export interface ConnectionHost {
  readonly maxLineBytes: number;
  readonly oneShotTimeoutMs: number;
  readonly logger: Logger;
  readonly daemonVersion: string;
  sessions(): Session[];
  subscribe(socket: Socket): { ok: true } | { ok: false; message: string };
  unsubscribe(socket: Socket): void;
  ingest(reporter: Reporter, payload: unknown): Promise<IngestResult>;
  /** Resolves once everything applied so far is saved. */
  saved(): Promise<void>;
}

/** What the daemon may ask of a live connection: whether it is a session (a dashboard, `atm list`). */
export interface ConnectionState {
  readonly isSession: boolean;
}

type Mode = 'first-line' | 'session' | 'one-shot';

/**
 * One client connection. The first line decides what it is:
 * - a `hello`: a session of request/response lines (list, subscribe, ping, ingest);
 * - an envelope (`{"atm": ...}`): a one-shot report whose remaining bytes up to EOF are the
 *   agent's JSON, untouched, so a shell client needs no JSON tooling.
 * A bad line costs only that line (an error reply); an over-long line closes only this connection.
 */
export function handleConnection(socket: Socket, host: ConnectionHost): ConnectionState {
  const log = host.logger;
  const decoder = new LineDecoder({ maxLineBytes: host.maxLineBytes });
  let mode: Mode = 'first-line';
  let envelope: Envelope | null = null;
  const body: Buffer[] = [];
  let bodyBytes = 0;
  let busy = Promise.resolve();
  let decoderDead = false;

  const send = (message: DaemonMessage): void => {
    if (!socket.destroyed && socket.writable) socket.write(encodeMessage(message));
  };
  const fail = (code: WireErrorCode, message: string, id?: string | number): void =>
    send({ type: 'error', code, message, ...(id === undefined ? {} : { id }) });

  // Until it says hello or finishes its one-shot report, a connection may not linger.
  const deadline = setTimeout(() => {
    log.debug('closing a connection that did not finish in time', { mode, timeoutMs: host.oneShotTimeoutMs });
    socket.destroy();
  }, host.oneShotTimeoutMs);
  deadline.unref();

  socket.on('error', (error) => log.debug('client socket error', { error: error.message }));
  socket.on('close', () => {
    clearTimeout(deadline);
    host.unsubscribe(socket);
  });

  const overflow = (): void => {
    log.warn('closing a connection whose line exceeds the limit', { maxLineBytes: host.maxLineBytes });
    fail('line-too-long', `a line may be at most ${host.maxLineBytes} bytes; closing this connection`);
    socket.end();
    setTimeout(() => socket.destroy(), 1_000).unref();
    decoderDead = true;
  };

  const onLine = (text: string): void => {
    if (mode === 'first-line') {
      const parsedJson = parseJson(text);
      if (parsedJson.ok && isEnvelopeLike(parsedJson.value)) {
        const parsed = envelopeSchema.safeParse(parsedJson.value);
        // A one-shot client prints what we answer into Claude Code's UI (status) or nowhere (hook),
        // so problems are logged, never sent back as JSON.
        if (!parsed.success) {
          log.warn('bad one-shot envelope', { issue: describeFirstIssue(parsed.error) });
          socket.end();
          mode = 'one-shot';
          return;
        }
        if (!isCompatibleVersion(parsed.data.atm)) {
          log.warn('one-shot client speaks another protocol', { clientVersion: parsed.data.atm });
          if (parsed.data.kind === 'status') socket.end('atm: hooks and daemon differ in version; run `atm setup`\n');
          else socket.end();
          mode = 'one-shot';
          return;
        }
        envelope = parsed.data;
        mode = 'one-shot';
        return;
      }
    }
    busy = busy
      .then(() => handleRequestLine(text))
      .catch((error: unknown) => {
        log.error('request failed', { error: String(error) });
        fail('internal', 'atmd failed to handle this request; see its log');
      });
  };

  const handleRequestLine = async (text: string): Promise<void> => {
    const parsedJson = parseJson(text);
    if (!parsedJson.ok) return fail('bad-json', `not JSON: ${parsedJson.reason}`);
    const parsed = clientMessageSchema.safeParse(parsedJson.value);
    if (!parsed.success)
      return fail('bad-message', `unknown or malformed message: ${describeFirstIssue(parsed.error)}`);
    const message = parsed.data;
    if (mode === 'first-line') {
      if (message.type !== 'hello')
        return fail('not-hello', 'say hello first: {"type":"hello","protocolVersion":"1.0","role":"cli"}');
      if (!isCompatibleVersion(message.protocolVersion)) {
        send(toRejected(message.protocolVersion));
        socket.end();
        return;
      }
      mode = 'session';
      clearTimeout(deadline);
      send({ type: 'welcome', protocolVersion: PROTOCOL_VERSION, daemonVersion: host.daemonVersion, pid: process.pid });
      return;
    }
    await handleRequest(message);
  };

  const handleRequest = async (message: ClientMessage): Promise<void> => {
    switch (message.type) {
      case 'hello':
        return fail('bad-message', 'hello was already said on this connection');
      case 'ping':
        return send({ type: 'pong', id: message.id });
      case 'list':
        return send({ type: 'snapshot', id: message.id, sessions: host.sessions() });
      case 'subscribe': {
        const result = host.subscribe(socket);
        if (!result.ok) {
          fail('too-many-subscribers', result.message, message.id);
          socket.end();
          return;
        }
        return send({ type: 'snapshot', id: message.id, sessions: host.sessions() });
      }
      case 'ingest': {
        const result = await host.ingest(message, message.payload);
        if (!result.ok) return fail(result.code, result.message, message.id);
        return send({ type: 'ingested', id: message.id, statusLine: result.statusLine });
      }
    }
  };

  const finishOneShot = async (): Promise<void> => {
    if (envelope === null) return;
    clearTimeout(deadline);
    const text = Buffer.concat(body).toString('utf8');
    const payload = parseJson(text);
    if (!payload.ok) {
      log.debug('one-shot report is not JSON', { kind: envelope.kind, reason: payload.reason });
      socket.end();
      return;
    }
    const result = await host.ingest(envelope, payload.value);
    if (!result.ok) log.debug('one-shot report refused', { code: result.code, message: result.message });
    // A status client prints whatever we answer, so the answer is the bare line, not JSON.
    if (envelope.kind === 'status' && result.ok && result.statusLine !== null) socket.end(`${result.statusLine}\n`);
    else if (envelope.kind === 'hook' && envelope.ack === true) {
      // The ack promises the report survives a crash from here on: only once it is on disk.
      // A refused report is acked too: sending it again would not help.
      if (result.ok) await host.saved();
      socket.end(HOOK_ACK);
    } else socket.end();
  };

  socket.on('data', (chunk: Buffer) => {
    if (mode === 'one-shot') return collectBody(chunk);
    if (decoderDead) return;
    for (const item of decoder.push(chunk)) {
      if (item.type === 'overflow') return overflow();
      onLine(item.text);
      if ((mode as Mode) === 'one-shot') {
        // The rest of this chunk, after the envelope's newline, is the start of the payload.
        const rest = chunk.subarray(chunk.indexOf(0x0a) + 1);
        return collectBody(rest);
      }
    }
  });

  const collectBody = (chunk: Buffer): void => {
    if (envelope === null || chunk.length === 0) return;
    bodyBytes += chunk.length;
    if (bodyBytes > host.maxLineBytes) {
      log.warn('one-shot report exceeds the size limit; dropped', { maxLineBytes: host.maxLineBytes });
      envelope = null;
      socket.destroy();
      return;
    }
    body.push(chunk);
  };

  socket.on('end', () => {
    if (mode === 'one-shot') {
      void finishOneShot().catch((error: unknown) => {
        log.error('one-shot report failed', { error: String(error) });
        socket.destroy();
      });
      return;
    }
    const last = decoderDead ? null : decoder.end();
    if (last !== null && last.trim().length > 0) onLine(last);
    void busy.then(() => socket.end());
  });

  return {
    get isSession() {
      return mode === 'session';
    },
  };
}
