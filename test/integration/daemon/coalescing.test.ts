import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { connectWire, type WireClient } from '../../helpers/wire-client.js';

type Session = { id: string; status: string; lastEventAt: string; tool: { name: string } | null };
type Update = { type: 'update'; upsert: Session[]; remove: string[] };

async function subscriber(socketPath: string): Promise<WireClient> {
  const client = await connectWire(socketPath);
  await client.hello('tui');
  client.send({ type: 'subscribe', id: 'sub' });
  expect(await client.next()).toMatchObject({ type: 'snapshot', id: 'sub' });
  return client;
}

async function ingester(socketPath: string): Promise<WireClient> {
  const client = await connectWire(socketPath);
  await client.hello('bench');
  return client;
}

describe('updates to subscribers are coalesced', () => {
  it('200 events for one session as fast as possible: far fewer updates, the last state right', async () => {
    await using daemon = await startDaemon(); // maxUpdatesPerSecond: 10
    await using sub = await subscriber(daemon.socketPath);
    await using feed = await ingester(daemon.socketPath);
    const id = sessionId('burst');
    const t0 = Date.now();
    const lines: string[] = [];
    for (let i = 0; i < 199; i += 1) {
      const payload = hook(id, 'PreToolUse', { tool_name: `Tool${i}`, tool_input: { command: `step ${i}` } });
      lines.push(JSON.stringify({ type: 'ingest', id: i, kind: 'hook', ts: t0 + i, payload }));
    }
    lines.push(JSON.stringify({ type: 'ingest', id: 199, kind: 'hook', ts: t0 + 199, payload: hook(id, 'Stop') }));
    const started = Date.now();
    feed.write(`${lines.join('\n')}\n`);
    for (let i = 0; i < 200; i += 1) expect(await feed.next()).toEqual({ type: 'ingested', id: i, statusLine: null });

    const finalAt = new Date(t0 + 199).toISOString();
    const updates: Update[] = [];
    for (;;) {
      const message = (await sub.next()) as unknown as Update;
      expect(message.type).toBe('update');
      updates.push(message);
      const last = message.upsert.find((s) => s.id === id);
      if (last?.lastEventAt === finalAt) break;
    }
    const elapsedMs = Date.now() - started;

    // One flush at once, then at most one per 100 ms: so never more than elapsed/100 + 1.
    expect(updates.length).toBeLessThanOrEqual(Math.floor(elapsedMs / 100) + 1);
    expect(updates.length).toBeLessThan(100);
    const states = updates.map((u) => {
      expect(u.remove).toEqual([]);
      expect(u.upsert).toHaveLength(1); // the latest state of the session wins within a batch
      return u.upsert[0] as Session;
    });
    const times = states.map((s) => Date.parse(s.lastEventAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(states.at(-1)).toMatchObject({ id, status: 'idle', tool: null, lastEventAt: finalAt });

    // Nothing more is on its way: a ping on the subscriber's connection comes back next.
    sub.send({ type: 'ping', id: 'end' });
    expect(await sub.next()).toEqual({ type: 'pong', id: 'end' });
  });

  it('a lone update after a quiet spell goes out at once; one right after another waits its turn', async () => {
    await using daemon = await startDaemon({ config: { daemon: { maxUpdatesPerSecond: 1 } } });
    await using sub = await subscriber(daemon.socketPath);
    await using feed = await ingester(daemon.socketPath);
    const id = sessionId('lone');
    let n = 0;
    const ingest = async (event: string): Promise<void> => {
      n += 1;
      feed.send({ type: 'ingest', id: n, kind: 'hook', ts: Date.now(), payload: hook(id, event) });
      expect(await feed.next()).toEqual({ type: 'ingested', id: n, statusLine: null });
      // atmd has applied the event. Whatever it sent the subscriber at once is already ahead of this pong.
      sub.send({ type: 'ping', id: n });
    };

    await ingest('UserPromptSubmit'); // the first change after a quiet spell
    expect(await sub.next()).toMatchObject({ type: 'update', upsert: [{ id, status: 'working' }] });
    expect(await sub.next()).toEqual({ type: 'pong', id: 1 });

    await ingest('Stop'); // within a second of the last update: held back, then sent
    expect(await sub.next()).toEqual({ type: 'pong', id: 2 });
    expect(await sub.next()).toMatchObject({ type: 'update', upsert: [{ id, status: 'idle' }] });

    await new Promise((resolve) => setTimeout(resolve, 1_200)); // a quiet second (the scenario, not a wait for a result)
    await ingest('UserPromptSubmit');
    expect(await sub.next()).toMatchObject({ type: 'update', upsert: [{ id, status: 'working' }] });
    expect(await sub.next()).toEqual({ type: 'pong', id: 3 });
  });
});
