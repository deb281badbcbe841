import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';

/**
 * A copy of a hook report that atmd applied, saved and acked, but whose ack the client never
 * read (atmd was killed right after the save, or the client gave up waiting), is acked again and
 * not applied again: here, a SubagentStart without agent_id, a plain counter a second apply moves.
 * The client's side is played by hand, so the copies are exact; the real shim is
 * test/integration/claude/shim-exactly-once.test.ts.
 */
const envelope = (agentPid: number, id?: string) => ({ atm: '1.3', ack: true, agentPid, ...(id ? { id } : {}) });

describe('a hook report sent again with the same id, to a real atmd', () => {
  it('is acked and counted once, also after atmd was killed with SIGKILL after the save and started again', async () => {
    await using agent = spawnAgent();
    await using daemon = await startDaemon();
    const sid = sessionId('once');
    const start = hook(sid, 'SubagentStart');
    const subagents = async () => (await listSessions(daemon.socketPath)).map((s) => [s.id, s.subagents]);

    // The ack only comes after the save: once it is here the report and its id are on disk.
    expect(await sendOneShot(daemon.socketPath, envelope(agent.pid, 'report-0001'), start)).toBe('ok\n');
    expect(await sendOneShot(daemon.socketPath, envelope(agent.pid, 'report-0001'), start)).toBe('ok\n');
    expect(await subagents()).toEqual([[sid, 1]]);

    expect(await daemon.stop('SIGKILL')).toBe(null);
    await daemon.restart();
    expect(await sendOneShot(daemon.socketPath, envelope(agent.pid, 'report-0001'), start)).toBe('ok\n');
    expect(await subagents()).toEqual([[sid, 1]]);

    // Another report, and an older client's copy without an id, still count.
    expect(await sendOneShot(daemon.socketPath, envelope(agent.pid, 'report-0002'), start)).toBe('ok\n');
    expect(await sendOneShot(daemon.socketPath, envelope(agent.pid), start)).toBe('ok\n');
    expect(await sendOneShot(daemon.socketPath, envelope(agent.pid), start)).toBe('ok\n');
    expect(await subagents()).toEqual([[sid, 4]]);
  });

  it('an id that is not a short word is ignored, not refused: the report still counts', async () => {
    await using agent = spawnAgent();
    await using daemon = await startDaemon();
    const sid = sessionId('badid');
    for (const id of ['short', 'has space in it', 'x'.repeat(65)])
      expect(await sendOneShot(daemon.socketPath, envelope(agent.pid, id), hook(sid, 'SubagentStart'))).toBe('ok\n');
    expect((await listSessions(daemon.socketPath)).map((s) => s.subagents)).toEqual([3]);
  });
});
