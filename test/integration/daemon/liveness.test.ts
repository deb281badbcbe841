import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForLog } from '../../helpers/daemon-log.js';
import { listSessions, waitForSession, waitForSessionGone } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { connectWire } from '../../helpers/wire-client.js';

describe('liveness', () => {
  it('removes a session whose agent died within 5 s, keeps a live one, and tells subscribers', async () => {
    await using daemon = await startDaemon();
    await using doomed = spawnAgent();
    await using survivor = spawnAgent();
    const dying = sessionId('dying');
    const living = sessionId('living');
    await sendOneShot(daemon.socketPath, { agentPid: doomed.pid }, hook(dying, 'UserPromptSubmit'));
    await sendOneShot(daemon.socketPath, { agentPid: survivor.pid }, hook(living, 'Stop'));
    await waitForSession(daemon.socketPath, dying, (s) => s.pid === doomed.pid);
    await waitForSession(daemon.socketPath, living, (s) => s.pid === survivor.pid);

    await using watcher = await connectWire(daemon.socketPath);
    await watcher.hello('tui');
    watcher.send({ type: 'subscribe', id: 1 });
    expect(await watcher.next()).toMatchObject({ type: 'snapshot', id: 1 });

    await doomed.kill();
    await waitForSessionGone(daemon.socketPath, dying, 5_000);
    expect(
      await watcher.nextMatching((m) => m.type === 'update' && (m.remove as string[]).includes(dying)),
    ).toMatchObject({ upsert: [] });
    const removed = await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'session removed: its agent process is gone',
      'removal',
    );
    expect(removed).toMatchObject({ sessionId: dying, pid: doomed.pid });

    // The same liveness round checked the live one: it stays, idle as it is.
    expect((await listSessions(daemon.socketPath)).map((s) => s.id)).toEqual([living]);
  });

  it('leaves alone a session whose pid is unknown', async () => {
    await using daemon = await startDaemon({ config: { daemon: { livenessIntervalMs: 100 } } });
    const id = sessionId('nopid');
    await using probe = spawnAgent();
    const other = sessionId('probe');
    await sendOneShot(daemon.socketPath, { agentPid: null, ppid: null }, hook(id, 'UserPromptSubmit'));
    await sendOneShot(daemon.socketPath, { agentPid: probe.pid }, hook(other, 'UserPromptSubmit'));
    // Proof that liveness rounds ran meanwhile: the probe's agent dies and its session goes.
    await probe.kill();
    await waitForSessionGone(daemon.socketPath, other, 5_000);
    expect(await listSessions(daemon.socketPath)).toMatchObject([{ id, pid: null }]);
  });
});
