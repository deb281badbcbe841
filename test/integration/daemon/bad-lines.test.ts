import { describe, expect, it } from 'vitest';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { expectStillServing, openBystander } from '../../helpers/daemon-probes.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { connectWire } from '../../helpers/wire-client.js';

const DEEP = 100_000;
const deepArray = (): string => `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const deepObject = (): string => `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;
const error = (code: string) => ({ type: 'error', code, message: expect.any(String) });

/**
 * Bad request lines on a session connection (after hello). Each costs only that line: the
 * daemon answers with an error, the same connection keeps working, and so does everyone else.
 */
describe('atmd survives bad request lines', () => {
  it.each<[string, () => string | Buffer, unknown[]]>([
    ['garbage text', () => 'hello there, daemon\n', [error('bad-json')]],
    ['truncated JSON', () => '{"type":"ping","id":\n', [error('bad-json')]],
    [
      'binary garbage over several lines',
      () => Buffer.from([0x00, 0x01, 0x0a, 0x1b, 0x5b, 0x32, 0x4a, 0x0a]),
      [error('bad-json'), error('bad-json')],
    ],
    ['invalid UTF-8 bytes', () => Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0x0a]), [error('bad-json')]],
    [
      'JSON that is not an object',
      () => '[1,2,3]\n"ping"\nnull\n',
      [error('bad-message'), error('bad-message'), error('bad-message')],
    ],
    ['an unknown message type', () => '{"type":"format-disk","id":1}\n', [error('bad-message')]],
    [
      'a request with wrong types',
      () => '{"type":"ingest","id":5,"kind":"telepathy","ts":"yesterday","payload":{}}\n',
      [error('bad-message')],
    ],
    ['an id of the wrong type', () => '{"type":"ping","id":{"nested":true}}\n', [error('bad-message')]],
    ['100k nested arrays', () => `${deepArray()}\n`, [error('bad-message')]],
    ['100k nested objects', () => `${deepObject()}\n`, [error('bad-message')]],
    [
      '100k nested arrays as an ingest payload',
      () => `{"type":"ingest","id":9,"kind":"hook","ts":1,"payload":${deepArray()}}\n`,
      [{ ...error('bad-payload'), id: 9 }],
    ],
  ])('%s', async (_name, bytes, replies) => {
    await using daemon = await startDaemon();
    await using bystander = await openBystander(daemon.socketPath);
    await using client = await connectWire(daemon.socketPath);
    await client.hello();
    client.write(bytes());
    for (const reply of replies) expect(await client.next()).toEqual(reply);
    client.send({ type: 'ping', id: 'after' });
    expect(await client.next()).toEqual({ type: 'pong', id: 'after' });
    await expectStillServing(daemon.socketPath, bystander);
  });

  it('reads invalid UTF-8 inside a JSON string as replacement characters', async () => {
    await using daemon = await startDaemon();
    await using client = await connectWire(daemon.socketPath);
    await client.hello();
    client.write(
      Buffer.concat([Buffer.from('{"type":"ping","id":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('b"}\n')]),
    );
    expect(await client.next()).toEqual({ type: 'pong', id: 'a\uFFFD\uFFFDb' });
  });

  it('applies a hook whose tool input nests 100k deep', async () => {
    await using daemon = await startDaemon();
    await using bystander = await openBystander(daemon.socketPath);
    await using client = await connectWire(daemon.socketPath);
    await client.hello();
    const id = sessionId('deep');
    const payload = JSON.stringify(hook(id, 'PreToolUse', { tool_name: 'Deep', tool_input: '@' })).replace(
      '"@"',
      deepObject(),
    );
    client.write(`{"type":"ingest","id":1,"kind":"hook","ts":${Date.now()},"payload":${payload}}\n`);
    expect(await client.next()).toEqual({ type: 'ingested', id: 1, statusLine: null });
    client.send({ type: 'list', id: 2 });
    const snapshot = await client.next();
    expect(snapshot).toMatchObject({
      type: 'snapshot',
      id: 2,
      sessions: [{ id, status: 'working', tool: { name: 'Deep', summary: null } }],
    });
    await expectStillServing(daemon.socketPath, bystander);
  });

  it.each([
    ['after hello', true],
    ['as the first line', false],
  ])('answers a 2 MB line %s with line-too-long and closes only that connection', async (_name, sayHello) => {
    await using daemon = await startDaemon();
    await using bystander = await openBystander(daemon.socketPath);
    await using client = await connectWire(daemon.socketPath);
    if (sayHello) await client.hello();
    client.write(`{"type":"ping","id":"${'x'.repeat(2 * 1024 * 1024)}"}\n`);
    expect(await client.next()).toEqual({
      type: 'error',
      code: 'line-too-long',
      message: 'a line may be at most 1048576 bytes; closing this connection',
    });
    await client.closed();
    await expectStillServing(daemon.socketPath, bystander);
  });

  it('honours a configured maxLineBytes', async () => {
    await using daemon = await startDaemon({ config: { daemon: { maxLineBytes: 2048 } } });
    await using client = await connectWire(daemon.socketPath);
    await client.hello();
    client.send({ type: 'ping', id: 'fits', padding: 'y'.repeat(1900) });
    expect(await client.next()).toEqual({ type: 'pong', id: 'fits' });
    client.send({ type: 'ping', id: 'too-long', padding: 'z'.repeat(3000) });
    expect(await client.next()).toMatchObject({
      type: 'error',
      code: 'line-too-long',
      message: expect.stringContaining('2048'),
    });
    await client.closed();
  });

  it('reads a last line that has no newline before EOF', async () => {
    await using daemon = await startDaemon();
    await using client = await connectWire(daemon.socketPath);
    await client.hello();
    client.write('{"type":"ping","id":"last"}');
    client.socket.end();
    expect(await client.next()).toEqual({ type: 'pong', id: 'last' });
    await client.closed();
  });
});
