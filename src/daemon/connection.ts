import type { Duplex } from 'node:stream';
import { encodeMessage } from '../protocol/encode.js';
import { LineDecoder } from '../protocol/line-decoder.js';
import {
  clientMessageSchema,
  type ClientMessage,
  type DaemonMessage,
  type WireErrorCode,
} from '../protocol/messages.js';
import { PROTOCOL_VERSION, isCompatibleVersion } from '../protocol/version.js';
import { describeFirstIssue, parseJson, toRejected } from '../protocol/wire-parsing.js';
import { readFirstLine } from './connection-first-line.js';
import type { ConnectionHost, ConnectionState } from './connection-host.js';
import { OneShotReport } from './one-shot-report.js';

export type { ConnectionHost, ConnectionState } from './connection-host.js';

type Mode = 'first-line' | 'session' | 'one-shot' | 'closed';

/**
 * One client connection, a state machine fed strictly in order. The first line decides what it is:
 * - a `hello`: a session of request/response lines (list, subscribe, ping, ingest);
 * - an envelope (`{"atm": ...}`): a one-shot report whose remaining bytes up to EOF are the
 *   agent's JSON, untouched, so a shell client needs no JSON tooling.
 * Each line is handled only after the one before it is answered, and reading pauses while an
 * answer is pending or the client is not reading what it was sent (backpressure): a client that
 * pipelines requests and never reads holds at most one chunk and one reply, and past
 * `maxWriteBufferBytes` unsent it is closed. A bad line costs only that line (an error reply);
 * an over-long line closes only this connection.
 */
export class Connection implements ConnectionState {
  readonly #stream: Duplex;
  readonly #host: ConnectionHost;
  readonly #decoder: LineDecoder;
  readonly #deadline: ReturnType<typeof setTimeout>;
  #mode: Mode = 'first-line';
  /** Bytes received and not yet looked at, in order. */
  readonly #inbox: Buffer[] = [];
  /** Whole request lines not yet handled, in order. */
  readonly #lines: string[] = [];
  #oneShot: OneShotReport | null = null;
  #pumping = false;
  #ended = false;
  #awaitingDrain = false;

  constructor(stream: Duplex, host: ConnectionHost) {
    this.#stream = stream;
    this.#host = host;
    this.#decoder = new LineDecoder({ maxLineBytes: host.maxLineBytes });
    // Until it says hello or finishes its one-shot report, a connection may not linger.
    this.#deadline = setTimeout(() => {
      host.logger.debug('closing a connection that did not finish in time', {
        mode: this.#mode,
        timeoutMs: host.oneShotTimeoutMs,
      });
      stream.destroy();
    }, host.oneShotTimeoutMs);
    this.#deadline.unref();
    stream.on('error', (error) => host.logger.debug('client socket error', { error: error.message }));
    stream.on('close', () => {
      clearTimeout(this.#deadline);
      this.#mode = 'closed';
      host.unsubscribe(stream);
    });
    stream.on('data', (chunk: Buffer) => this.#receive(chunk));
    stream.on('end', () => {
      this.#ended = true;
      this.#pump();
    });
  }

  get isSession(): boolean {
    return this.#mode === 'session';
  }

  #receive(chunk: Buffer): void {
    if (this.#oneShot !== null) return this.#collect(chunk);
    if (this.#mode === 'closed') return;
    this.#inbox.push(chunk);
    this.#pump();
  }

  #collect(chunk: Buffer): void {
    this.#oneShot?.add(chunk);
  }

  /** Handles what has arrived, one line at a time, until it must wait (an answer, a drain, more bytes). */
  #pump(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    void this.#run().catch((error: unknown) => {
      this.#host.logger.error('connection failed', { error: String(error) });
      this.#stream.destroy();
    });
  }

  /**
   * The loop clears `#pumping` in its own finally, in the same turn as its last look at the
   * queues: cleared a microtask later (after an await), bytes arriving in between would wait
   * in the inbox for good.
   */
  async #run(): Promise<void> {
    const stream = this.#stream;
    try {
      for (;;) {
        if (stream.destroyed) return;
        if (this.#mode === 'closed') {
          stream.resume(); // read and drop what else the client sends, so the close completes
          return;
        }
        if (this.#mode === 'one-shot') {
          if (this.#ended) return this.#finishOneShot();
          stream.resume();
          return;
        }
        if (stream.writableNeedDrain) {
          // The client is not reading its answers: stop reading its questions until it does.
          stream.pause();
          if (!this.#awaitingDrain) {
            this.#awaitingDrain = true;
            stream.once('drain', () => {
              this.#awaitingDrain = false;
              this.#pump();
            });
          }
          return;
        }
        const line = this.#lines.shift();
        if (line !== undefined) {
          stream.pause(); // nothing more is read while this line is being answered
          await this.#handleLine(line);
          continue;
        }
        const chunk = this.#inbox.shift();
        if (chunk !== undefined) {
          this.#take(chunk);
          continue;
        }
        if (this.#ended) {
          const last = this.#decoder.end();
          if (last !== null && last.trim().length > 0) {
            this.#lines.push(last);
            continue;
          }
          this.#mode = 'closed';
          stream.end();
          return;
        }
        stream.resume();
        return;
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** Splits a chunk into lines; in first-line mode only up to the first newline, whose line decides the rest. */
  #take(chunk: Buffer): void {
    const firstOnly = this.#mode === 'first-line';
    const newline = firstOnly ? chunk.indexOf(0x0a) : -1;
    const head = newline === -1 ? chunk : chunk.subarray(0, newline + 1);
    for (const item of this.#decoder.push(head)) {
      if (item.type === 'overflow') return this.#overflow();
      this.#lines.push(item.text);
    }
    if (newline !== -1 && newline + 1 < chunk.length) this.#inbox.unshift(chunk.subarray(newline + 1));
  }

  async #handleLine(text: string): Promise<void> {
    if (this.#mode === 'first-line') return this.#handleFirstLine(text);
    const parsedJson = parseJson(text);
    if (!parsedJson.ok) return this.#fail('bad-json', `not JSON: ${parsedJson.reason}`);
    const parsed = clientMessageSchema.safeParse(parsedJson.value);
    if (!parsed.success)
      return this.#fail('bad-message', `unknown or malformed message: ${describeFirstIssue(parsed.error)}`);
    try {
      await this.#handleRequest(parsed.data);
    } catch (error) {
      this.#host.logger.error('request failed', { error: String(error) });
      this.#fail('internal', 'atmd failed to handle this request; see its log');
    }
  }

  #handleFirstLine(text: string): void {
    const first = readFirstLine(text);
    const log = this.#host.logger;
    switch (first.type) {
      case 'envelope':
        this.#mode = 'one-shot';
        this.#oneShot = new OneShotReport(first.envelope, this.#host.maxLineBytes);
        // Whatever followed the envelope's newline is the start of the payload, untouched.
        for (const chunk of this.#inbox.splice(0)) this.#collect(chunk);
        return;
      case 'refused-envelope':
        // A one-shot client prints what we answer into Claude Code's UI (status) or nowhere (hook),
        // so problems are logged, never sent back as JSON.
        log.warn(first.log, first.fields);
        this.#mode = 'closed';
        this.#inbox.length = 0;
        this.#stream.end(first.answer ?? undefined);
        return;
      case 'bad-json':
        return this.#fail('bad-json', `not JSON: ${first.reason}`);
      case 'bad-message':
        return this.#fail('bad-message', `unknown or malformed message: ${first.reason}`);
      case 'not-hello':
        return this.#fail(
          'not-hello',
          `say hello first: {"type":"hello","protocolVersion":"${PROTOCOL_VERSION}","role":"cli"}`,
        );
      case 'hello':
        if (!isCompatibleVersion(first.protocolVersion)) {
          this.#send(toRejected(first.protocolVersion));
          this.#mode = 'closed';
          this.#stream.end();
          return;
        }
        this.#mode = 'session';
        clearTimeout(this.#deadline);
        this.#send({
          type: 'welcome',
          protocolVersion: PROTOCOL_VERSION,
          daemonVersion: this.#host.daemonVersion,
          pid: process.pid,
        });
        return;
    }
  }

  async #handleRequest(message: ClientMessage): Promise<void> {
    const host = this.#host;
    switch (message.type) {
      case 'hello':
        return this.#fail('bad-message', 'hello was already said on this connection');
      case 'ping':
        return this.#send({ type: 'pong', id: message.id });
      case 'list':
        return this.#send({ type: 'snapshot', id: message.id, sessions: host.sessions() });
      case 'subscribe': {
        const result = host.subscribe(this.#stream);
        if (!result.ok) {
          this.#fail('too-many-subscribers', result.message, message.id);
          this.#mode = 'closed';
          this.#stream.end();
          return;
        }
        return this.#send({ type: 'snapshot', id: message.id, sessions: host.sessions() });
      }
      case 'ingest': {
        const result = await host.ingest(message, message.payload);
        if (!result.ok) return this.#fail(result.code, result.message, message.id);
        return this.#send({ type: 'ingested', id: message.id, statusLine: result.statusLine });
      }
    }
  }

  async #finishOneShot(): Promise<void> {
    const report = this.#oneShot;
    this.#oneShot = null;
    if (report === null) return;
    this.#mode = 'closed';
    clearTimeout(this.#deadline);
    this.#stream.end(await report.finish(this.#host));
  }

  #overflow(): void {
    const { logger, maxLineBytes } = this.#host;
    logger.warn('closing a connection whose line exceeds the limit', { maxLineBytes });
    this.#fail('line-too-long', `a line may be at most ${maxLineBytes} bytes; closing this connection`);
    this.#mode = 'closed';
    this.#inbox.length = 0;
    this.#lines.length = 0;
    this.#stream.end();
    setTimeout(() => this.#stream.destroy(), 1_000).unref();
  }

  #send(message: DaemonMessage): void {
    const stream = this.#stream;
    if (stream.destroyed || !stream.writable) return;
    stream.write(encodeMessage(message));
    if (stream.writableLength > this.#host.maxWriteBufferBytes) {
      this.#host.logger.warn('closing a connection that does not read its answers', {
        unsentBytes: stream.writableLength,
        maxWriteBufferBytes: this.#host.maxWriteBufferBytes,
      });
      stream.destroy();
    }
  }

  #fail(code: WireErrorCode, message: string, id?: string | number): void {
    this.#send({ type: 'error', code, message, ...(id === undefined ? {} : { id }) });
  }
}

/** Starts serving one accepted connection. */
export function handleConnection(stream: Duplex, host: ConnectionHost): ConnectionState {
  return new Connection(stream, host);
}
