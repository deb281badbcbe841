import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { listSessions, type WireSession } from '../../helpers/daemon-probes.js';
import { connectWire } from '../../helpers/wire-client.js';

const SESSIONS = 60;
const ROUNDS = 50;
const byId = (a: WireSession, b: WireSession): number => a.id.localeCompare(b.id);

describe('a subscriber that falls behind', () => {
  it('is resynced with a fresh snapshot, never left silently stale, while atmd serves others', async () => {
    await using daemon = await startDaemon({ config: { daemon: { maxQueuedMessages: 5, maxUpdatesPerSecond: 1000 } } });
    await using slow = await connectWire(daemon.socketPath);
    await slow.hello('tui');
    slow.send({ type: 'subscribe', id: 'slow' });
    expect(await slow.next()).toEqual({ type: 'snapshot', id: 'slow', sessions: [] });
    slow.socket.pause(); // stops reading: the kernel buffer fills, then atmd's queue

    // Thousands of changes across many sessions; long paths make each update big.
    await using feed = await connectWire(daemon.socketPath);
    await feed.hello('bench');
    const ids = Array.from({ length: SESSIONS }, (_, i) => sessionId(`slow-${i}`));
    const cwd = (i: number): string => `/home/alex/${'deep/'.repeat(300)}project-${i}`;
    let request = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const lines = ids.map((id, i) => {
        const event =
          round === ROUNDS - 1
            ? i % 3 === 0
              ? 'SessionEnd'
              : i % 3 === 1
                ? 'Stop'
                : 'PermissionRequest'
            : round % 2 === 0
              ? 'UserPromptSubmit'
              : 'PreToolUse';
        request += 1;
        return JSON.stringify({
          type: 'ingest',
          id: request,
          kind: 'hook',
          ts: Date.now(),
          payload: hook(id, event, { cwd: cwd(i) }),
        });
      });
      feed.write(`${lines.join('\n')}\n`);
      for (let i = 0; i < ids.length; i += 1) expect(await feed.next()).toMatchObject({ type: 'ingested' });
    }

    // Meanwhile everyone else is served.
    const expected = (await listSessions(daemon.socketPath)).sort(byId);
    expect(expected).toHaveLength(SESSIONS - SESSIONS / 3);
    expect(expected.filter((s) => s.status === 'waiting')).toHaveLength(SESSIONS / 3);

    // The slow client reads again: it catches up through a snapshot without id, and ends up
    // with exactly what `list` says.
    const view = new Map<string, WireSession>();
    let resyncs = 0;
    let updates = 0;
    slow.socket.resume();
    const matches = (): boolean => JSON.stringify([...view.values()].sort(byId)) === JSON.stringify(expected);
    while (!matches()) {
      const message = await slow.next(10_000);
      if (message.type === 'snapshot') {
        expect(message).not.toHaveProperty('id');
        resyncs += 1;
        view.clear();
        for (const session of message.sessions as WireSession[]) view.set(session.id, session);
      } else {
        expect(message.type).toBe('update');
        updates += 1;
        for (const session of message.upsert as WireSession[]) view.set(session.id, session);
        for (const id of message.remove as string[]) view.delete(id);
      }
    }
    expect(resyncs).toBeGreaterThanOrEqual(1);
    expect(updates).toBeGreaterThan(0);
    expect([...view.values()].sort(byId)).toEqual(expected);

    // And it is still a working subscriber afterwards.
    feed.send({
      type: 'ingest',
      id: 'after',
      kind: 'hook',
      ts: Date.now(),
      payload: hook(ids[1] ?? '', 'UserPromptSubmit'),
    });
    expect(await feed.next()).toEqual({ type: 'ingested', id: 'after', statusLine: null });
    expect(
      await slow.nextMatching(
        (m) =>
          m.type === 'update' && (m.upsert as WireSession[]).some((s) => s.id === ids[1] && s.status === 'working'),
      ),
    ).toBeTruthy();
  });
});
