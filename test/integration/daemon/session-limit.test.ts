import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForLog } from '../../helpers/daemon-log.js';
import { listSessions, waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { connectWire } from '../../helpers/wire-client.js';

describe('daemon.maxSessions', () => {
  it('refuses a new session beyond the limit, logs it, and keeps serving the others', async () => {
    await using daemon = await startDaemon({ config: { daemon: { maxSessions: 3 } } });
    const ids = [1, 2, 3].map((n) => sessionId(`limit-${n}`));
    for (const id of ids) expect(await sendOneShot(daemon.socketPath, {}, hook(id, 'UserPromptSubmit'))).toBe('');

    // A fourth through the one-shot path: dropped without an answer.
    const fourth = sessionId('limit-4');
    expect(await sendOneShot(daemon.socketPath, {}, hook(fourth, 'UserPromptSubmit'))).toBe('');
    const refused = await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'session refused: the session limit is reached',
      'refusal',
    );
    expect(refused).toMatchObject({ level: 'error', sessionId: fourth, limit: 3 });

    // And through an ingest request: a session-limit error naming the limit and the config key.
    await using client = await connectWire(daemon.socketPath);
    await client.hello();
    const fifth = sessionId('limit-5');
    client.send({ type: 'ingest', id: 4, kind: 'hook', ts: Date.now(), payload: hook(fifth, 'SessionStart') });
    expect(await client.next()).toEqual({
      type: 'error',
      id: 4,
      code: 'session-limit',
      message: 'atmd tracks at most 3 sessions; raise daemon.maxSessions in the config to track more',
    });
    expect((await listSessions(daemon.socketPath)).map((s) => s.id).sort()).toEqual([...ids].sort());

    // Known sessions still take events.
    client.send({ type: 'ingest', id: 5, kind: 'hook', ts: Date.now(), payload: hook(ids[0] ?? '', 'Stop') });
    expect(await client.next()).toEqual({ type: 'ingested', id: 5, statusLine: null });
    await waitForSession(daemon.socketPath, ids[0] ?? '', (s) => s.status === 'idle');

    // A session that ends frees its slot.
    client.send({ type: 'ingest', id: 6, kind: 'hook', ts: Date.now(), payload: hook(ids[1] ?? '', 'SessionEnd') });
    expect(await client.next()).toEqual({ type: 'ingested', id: 6, statusLine: null });
    client.send({
      type: 'ingest',
      id: 7,
      kind: 'status',
      ts: Date.now(),
      payload: { session_id: fifth, model: { id: 'm', display_name: 'M 1' } },
    });
    expect(await client.next()).toEqual({ type: 'ingested', id: 7, statusLine: 'M 1' });
    expect((await listSessions(daemon.socketPath)).map((s) => s.id).sort()).toEqual([ids[0], ids[2], fifth].sort());
  });
});
