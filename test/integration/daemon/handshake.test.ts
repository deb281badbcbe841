import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import { describe, expect, it } from 'vitest';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { connectWire } from '../../helpers/wire-client.js';
import { expectStillServing, openBystander } from '../../helpers/daemon-probes.js';

const VERSION = /^\d+\.\d+\.\d+/;

describe('atmd handshake', () => {
  it('hello and an envelope in one write: the hello is welcomed, the envelope is a bad request (defect 16)', async () => {
    await using daemon = await startDaemon();
    await using client = await connectWire(daemon.socketPath);
    client.write(
      `${JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, role: 'test' })}\n` +
        `${JSON.stringify({ atm: PROTOCOL_VERSION, kind: 'hook', ts: Date.now() })}\n` +
        `${JSON.stringify({ type: 'ping', id: 'after' })}\n`,
    );
    expect(await client.next()).toMatchObject({ type: 'welcome' });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'bad-message' });
    expect(await client.next()).toEqual({ type: 'pong', id: 'after' });
  });

  it('answers hello with welcome: protocol 1.0, its version and pid', async () => {
    await using daemon = await startDaemon();
    await using client = await connectWire(daemon.socketPath);
    client.send({ type: 'hello', protocolVersion: '1.0', role: 'cli', client: 'test' });
    const welcome = await client.next();
    expect(welcome).toEqual({
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      daemonVersion: expect.stringMatching(VERSION),
      pid: daemon.process.pid,
    });
  });

  it('accepts a newer MINOR client and ignores the fields it does not know', async () => {
    await using daemon = await startDaemon();
    await using client = await connectWire(daemon.socketPath);
    client.send({
      type: 'hello',
      protocolVersion: '1.7',
      role: 'tui',
      client: 'atm-next',
      compression: 'zstd',
      features: ['x'],
    });
    expect(await client.next()).toMatchObject({ type: 'welcome', protocolVersion: PROTOCOL_VERSION });
    // Unknown fields on later requests are ignored as well, and an unknown role reads as "other".
    client.send({ type: 'ping', id: 7, priority: 'high' });
    expect(await client.next()).toEqual({ type: 'pong', id: 7 });
    await using other = await connectWire(daemon.socketPath);
    other.send({ type: 'hello', protocolVersion: '1.0', role: 'robot' });
    expect(await other.next()).toMatchObject({ type: 'welcome' });
  });

  it.each([
    ['2.0', /upgrade atmd/],
    ['0.9', /upgrade the client/],
  ])('rejects a %s client naming both versions, then closes', async (clientVersion, advice) => {
    await using daemon = await startDaemon();
    await using client = await connectWire(daemon.socketPath);
    client.send({ type: 'hello', protocolVersion: clientVersion, role: 'cli' });
    const rejected = await client.next();
    expect(rejected).toEqual({
      type: 'rejected',
      protocolVersion: PROTOCOL_VERSION,
      clientVersion,
      message: expect.stringMatching(advice),
    });
    expect(rejected.message).toContain(PROTOCOL_VERSION);
    expect(rejected.message).toContain(clientVersion);
    await client.closed();
    await using bystander = await openBystander(daemon.socketPath);
    await expectStillServing(daemon.socketPath, bystander);
  });

  it('answers a request before hello with not-hello and keeps the connection', async () => {
    await using daemon = await startDaemon();
    await using client = await connectWire(daemon.socketPath);
    client.send({ type: 'list', id: 1 });
    expect(await client.next()).toEqual({
      type: 'error',
      code: 'not-hello',
      message: expect.stringContaining('hello'),
    });
    client.send({ type: 'ping', id: 2 });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'not-hello' });
    expect(await client.hello()).toMatchObject({ type: 'welcome' });
    client.send({ type: 'list', id: 3 });
    expect(await client.next()).toEqual({ type: 'snapshot', id: 3, sessions: [] });
  });

  it('answers ping with pong, echoing string and integer ids (and none)', async () => {
    await using daemon = await startDaemon();
    await using client = await connectWire(daemon.socketPath);
    await client.hello();
    client.send({ type: 'ping', id: 'abc' });
    client.send({ type: 'ping', id: 42 });
    client.send({ type: 'ping' });
    expect(await client.next()).toEqual({ type: 'pong', id: 'abc' });
    expect(await client.next()).toEqual({ type: 'pong', id: 42 });
    expect(await client.next()).toEqual({ type: 'pong' });
  });

  it('refuses a second hello on the same connection', async () => {
    await using daemon = await startDaemon();
    await using client = await connectWire(daemon.socketPath);
    await client.hello();
    client.send({ type: 'hello', protocolVersion: '1.0', role: 'cli' });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'bad-message' });
    client.send({ type: 'ping', id: 1 });
    expect(await client.next()).toEqual({ type: 'pong', id: 1 });
  });
});
