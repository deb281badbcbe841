import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection, type ConnectionHost } from '../../../src/daemon/connection.js';
import type { IngestResult, Reporter } from '../../../src/daemon/ingest.js';
import type { Session } from '../../../src/domain/session.js';
import { makeFakeSession } from '../../../src/tui/dev/fake-sessions.js';
import { MemoryLogger } from '../../helpers/daemon-fakes.js';
import { collectText, memoryDuplexPair } from '../../helpers/memory-duplex.js';
import { pollUntil } from '../../helpers/poll.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';

/**
 * The connection state machine over in-memory streams, byte-exact: what goes in, in what chunks,
 * and exactly what comes out (issue 10: defects 16 and 10, and the redesign's Duplex handler).
 */
class FakeHost implements ConnectionHost {
  readonly maxLineBytes = 4096;
  maxWriteBufferBytes = 16 * 1024 * 1024;
  readonly oneShotTimeoutMs = 60_000;
  readonly logger = new MemoryLogger();
  readonly daemonVersion = '9.9.9';
  readonly ingested: { reporter: Reporter; payload: unknown }[] = [];
  sessionList: Session[] = [];
  listed = 0;
  sessions(): Session[] {
    this.listed += 1;
    return this.sessionList;
  }
  subscribe(): { ok: true } {
    return { ok: true };
  }
  unsubscribe(): void {}
  ingest(reporter: Reporter, payload: unknown): Promise<IngestResult> {
    this.ingested.push({ reporter, payload });
    return Promise.resolve({ ok: true, statusLine: 'ctx 31%', session: null });
  }
  saved(): Promise<void> {
    return Promise.resolve();
  }
}

const open: Duplex[] = [];
afterEach(() => {
  for (const end of open.splice(0)) end.destroy();
});

function connect(host = new FakeHost(), highWaterMark?: number) {
  const [client, server] = memoryDuplexPair(highWaterMark);
  open.push(client, server);
  new Connection(server, host);
  return { host, client, server };
}

const HELLO = `{"type":"hello","protocolVersion":"${PROTOCOL_VERSION}","role":"test"}\n`;
const WELCOME = `{"type":"welcome","protocolVersion":"${PROTOCOL_VERSION}","daemonVersion":"9.9.9","pid":${process.pid}}\n`;
const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('Connection: a session, byte-exact', () => {
  it.each<[rule: string, chunks: string[], expected: string]>([
    ['hello is welcomed', [HELLO], WELCOME],
    ['ping answers pong with its id', [HELLO, '{"type":"ping","id":7}\n'], `${WELCOME}{"type":"pong","id":7}\n`],
    [
      'requests in one chunk are answered in order',
      [`${HELLO}{"type":"ping","id":1}\n{"type":"list","id":2}\n{"type":"ping","id":"three"}\n`],
      `${WELCOME}{"type":"pong","id":1}\n{"type":"snapshot","id":2,"sessions":[]}\n{"type":"pong","id":"three"}\n`,
    ],
    [
      'lines split anywhere across chunks are whole lines',
      [HELLO.slice(0, 5), HELLO.slice(5) + '{"type":"pi', 'ng","id":1}\r\n'],
      `${WELCOME}{"type":"pong","id":1}\n`,
    ],
    [
      'a request before hello is refused, and hello still works after',
      ['{"type":"ping"}\n', HELLO],
      `{"type":"error","code":"not-hello","message":"say hello first: {\\"type\\":\\"hello\\",\\"protocolVersion\\":\\"${PROTOCOL_VERSION}\\",\\"role\\":\\"cli\\"}"}\n${WELCOME}`,
    ],
    [
      'a bad line costs only that line',
      [HELLO, 'nope\n{"type":"ping","id":2}\n'],
      `${WELCOME}{"type":"error","code":"bad-json","message":"not JSON: Unexpected token 'o', \\"nope\\" is not valid JSON"}\n{"type":"pong","id":2}\n`,
    ],
  ])('%s', async (_rule, chunks, expected) => {
    const { client } = connect();
    const out = collectText(client);
    for (const chunk of chunks) client.write(chunk);
    await pollUntil(() => out.text().length >= expected.length, { what: 'the replies' });
    await turns(5);
    expect(out.text()).toBe(expected);
  });

  it('defect 16: hello and an envelope in one chunk: hello is welcomed, the envelope is a bad request', async () => {
    const { client, host } = connect();
    const out = collectText(client);
    client.write(`${HELLO}{"atm":"1.2","kind":"hook","ts":1}\n{"session_id":"s"}\n`);
    await pollUntil(() => out.lines().length >= 3, { what: 'three replies' });
    const [welcome, envelope, payload] = out.lines();
    expect(`${welcome}\n`).toBe(WELCOME);
    expect(JSON.parse(envelope ?? '')).toMatchObject({ type: 'error', code: 'bad-message' });
    expect(JSON.parse(payload ?? '')).toMatchObject({ type: 'error', code: 'bad-message' });
    expect(host.ingested).toEqual([]);
  });

  it('the last line without a newline is answered at EOF, then the connection ends', async () => {
    const { client } = connect();
    const out = collectText(client);
    let ended = false;
    client.on('end', () => (ended = true));
    client.end(`${HELLO}{"type":"ping","id":9}`);
    await pollUntil(() => ended, { what: 'the end' });
    expect(out.text()).toBe(`${WELCOME}{"type":"pong","id":9}\n`);
  });
});

describe('Connection: a one-shot report', () => {
  it.each<[rule: string, chunks: string[]]>([
    ['envelope and payload in one chunk', ['{"atm":"1.2","kind":"status","ts":5}\n{"session_id":"s1"}']],
    ['envelope split, payload in pieces', ['{"atm":"1.2","ki', 'nd":"status","ts":5}\n{"sess', 'ion_id":"s1"}']],
  ])('%s: the payload arrives untouched, the status line is the answer', async (_rule, chunks) => {
    const { client, host } = connect();
    const out = collectText(client);
    let ended = false;
    client.on('end', () => (ended = true));
    for (const chunk of chunks) client.write(chunk);
    client.end();
    await pollUntil(() => ended, { what: 'the end' });
    expect(out.text()).toBe('ctx 31%\n');
    expect(host.ingested).toMatchObject([{ reporter: { kind: 'status', ts: 5 }, payload: { session_id: 's1' } }]);
  });

  it('a hook that asks for an ack gets ok once saved', async () => {
    const { client } = connect();
    const out = collectText(client);
    let ended = false;
    client.on('end', () => (ended = true));
    client.end('{"atm":"1.2","kind":"hook","ack":true,"ts":5}\n{"session_id":"s1"}\n');
    await pollUntil(() => ended, { what: 'the end' });
    expect(out.text()).toBe('ok\n');
  });
});

describe('Connection: backpressure (defect 10)', () => {
  const big = (): Session[] => Array.from({ length: 20 }, (_, i) => makeFakeSession({ id: `s-${i}` }));

  it('a client that pipelines requests and never reads is not read either; once it reads, every answer comes in order', async () => {
    const host = new FakeHost();
    host.sessionList = big();
    const { client, server } = connect(host, 4096);
    const requests = Array.from({ length: 500 }, (_, i) => `{"type":"list","id":${i}}\n`).join('');
    client.write(HELLO + requests);
    await pollUntil(() => server.writableNeedDrain, { what: 'the server to hold back' });
    await turns(50);
    const answeredWhileStuck = host.listed;
    await turns(50);
    // It stopped answering: a few replies fill the buffers, the rest wait unread.
    expect(host.listed).toBe(answeredWhileStuck);
    expect(answeredWhileStuck).toBeLessThan(20);

    const out = collectText(client);
    await pollUntil(() => out.lines().length === 501, { what: 'all the answers', timeoutMs: 30_000 });
    const ids = out
      .lines()
      .slice(1)
      .map((line) => (JSON.parse(line) as { id: number }).id);
    expect(ids).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('a connection whose unsent answers pass maxWriteBufferBytes is closed, and says why in the log', async () => {
    const host = new FakeHost();
    host.sessionList = Array.from({ length: 400 }, (_, i) => makeFakeSession({ id: `s-${i}` }));
    host.maxWriteBufferBytes = 64 * 1024;
    const { client, server } = connect(host, 1024);
    client.write(`${HELLO}{"type":"list","id":1}\n`);
    await pollUntil(() => server.destroyed, { what: 'the connection to close' });
    expect(host.logger.messages('warn')).toContain('closing a connection that does not read its answers');
  });
});
