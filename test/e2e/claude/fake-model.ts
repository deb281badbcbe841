import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
  chooseReply,
  messagesRequestSchema,
  toTurnView,
  type FakeReply,
  type FakeScript,
  type TurnView,
} from './fake-model-script.js';
import { encodeSseEvent, toMessageJson, toSseEvents, type MessageReply, type ReplyIds } from './fake-model-sse.js';

/**
 * A scripted fake of the Anthropic Messages API on 127.0.0.1 (random port), for running the real
 * Claude Code CLI offline: `ANTHROPIC_BASE_URL=<url>`, any `ANTHROPIC_API_KEY`.
 *
 * Contract: every request gets an answer and nothing hangs. POST /v1/messages answers from the
 * script (SSE when `stream: true`); /count_tokens answers a count; any GET answers `{}`-ish JSON;
 * any other POST a 404 in the API's error shape. A client that hangs up mid-stream is ignored.
 */

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly receivedAtMs: number;
  readonly body: unknown;
  /** Set for POST /v1/messages: what the script saw and answered. */
  readonly turn?: TurnView;
  readonly reply?: FakeReply;
}

export interface FakeModel extends AsyncDisposable {
  /** Base URL for ANTHROPIC_BASE_URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** Every request in arrival order, for assertions and fixture capture. */
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.writableEnded || response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function streamReply(response: ServerResponse, reply: MessageReply, ids: ReplyIds): void {
  if (response.destroyed) return;
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const event of toSseEvents(reply, ids)) {
    if (response.destroyed) return;
    response.write(encodeSseEvent(event));
  }
  response.end();
}

export async function startFakeModel(script: FakeScript): Promise<FakeModel> {
  const requests: RecordedRequest[] = [];
  let counter = 0;
  const nextIds = (model: string): ReplyIds => {
    counter += 1;
    const serial = String(counter).padStart(6, '0');
    return { messageId: `msg_fake${serial}`, toolUseId: `toolu_fake${serial}`, model };
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAtMs = Date.now();
    const path = request.url ?? '/';
    const body = parseJson(await readBody(request));
    const route = path.split('?')[0] ?? '/';
    const method = request.method ?? 'GET';
    if (method === 'POST' && route.endsWith('/v1/messages')) {
      const parsed = messagesRequestSchema.parse(typeof body === 'object' && body !== null ? body : {});
      const turn = toTurnView(parsed);
      const reply = chooseReply(script, turn);
      requests.push({ method, path, receivedAtMs, body, turn, reply });
      if (reply.delayMs !== undefined) await delay(reply.delayMs);
      const ids = nextIds(parsed.model ?? 'claude-fake');
      if (reply.kind === 'error') {
        sendJson(response, reply.status, { type: 'error', error: { type: reply.errorType, message: reply.message } });
      } else if (parsed.stream === true) streamReply(response, reply, ids);
      else sendJson(response, 200, toMessageJson(reply, ids));
      return;
    }
    requests.push({ method, path, receivedAtMs, body });
    if (method === 'POST' && route.endsWith('/count_tokens')) sendJson(response, 200, { input_tokens: 1200 });
    else if (method === 'GET' || method === 'HEAD') sendJson(response, 200, { data: [], has_more: false });
    else sendJson(response, 404, { type: 'error', error: { type: 'not_found_error', message: `fake: no ${route}` } });
  }

  const server = createServer((request, response) => {
    // A failing handler must still answer, or Claude Code would wait for its own timeout.
    handle(request, response).catch((error: unknown) => {
      sendJson(response, 500, { type: 'error', error: { type: 'api_error', message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return { url: `http://127.0.0.1:${port}`, requests, close, [Symbol.asyncDispose]: close };
}
