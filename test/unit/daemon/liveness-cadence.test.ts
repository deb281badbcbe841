import { describe, expect, it } from 'vitest';
import { FULL_CHECK_EVERY_PASSES } from '../../../src/daemon/liveness-watch.js';
import { FakeProcesses, makeTestDaemon } from '../../helpers/daemon-fakes.js';

/**
 * The cheap liveness pass: a pid that still exists (one kill(pid, 0)) is enough on most passes,
 * and each session's start time is compared every FULL_CHECK_EVERY_PASSES passes, against a
 * fake process table that counts what it is asked (a real one cannot reuse a pid on demand).
 */
class CountingProcesses extends FakeProcesses {
  readonly startTimeAsked: number[] = [];
  /** What `exists` says; defaults to whether the pid is in `alive`. */
  existsImpl: ((pid: number) => boolean | null) | null = null;
  override startTime(pid: number): Promise<string | null> {
    this.startTimeAsked.push(pid);
    return super.startTime(pid);
  }
  exists(pid: number): boolean | null {
    return this.existsImpl === null ? this.alive.has(pid) : this.existsImpl(pid);
  }
}

const SESSIONS = 8;
const sid = (i: number): string => `cadence-${i}`;

async function withSessions(processes: CountingProcesses) {
  const t = makeTestDaemon({ processes });
  for (let i = 0; i < SESSIONS; i += 1) {
    processes.alive.set(100 + i, `st-${100 + i}`);
    await t.daemon.ingest(
      { kind: 'hook', agentPid: 100 + i, ts: 1_000 },
      {
        session_id: sid(i),
        cwd: '/w/p',
        hook_event_name: 'SessionStart',
      },
    );
  }
  // The first pass compares every start time and records it.
  await t.daemon.runLivenessPass();
  processes.startTimeAsked.length = 0;
  return t;
}

describe('liveness cadence', () => {
  it('compares each start time once every FULL_CHECK_EVERY_PASSES passes, and only asks whether the pid exists in between', async () => {
    const processes = new CountingProcesses();
    await using t = await withSessions(processes);
    for (let pass = 0; pass < FULL_CHECK_EVERY_PASSES; pass += 1) await t.daemon.runLivenessPass();
    expect([...processes.startTimeAsked].sort()).toEqual(Array.from({ length: SESSIONS }, (_, i) => 100 + i));
    expect(t.daemon.sessions()).toHaveLength(SESSIONS);
  });

  it('removes a session on the next pass once its pid is gone', async () => {
    const processes = new CountingProcesses();
    await using t = await withSessions(processes);
    processes.alive.delete(103);
    expect(await t.daemon.runLivenessPass()).toBe(1);
    expect(t.daemon.sessions().map((s) => s.id)).not.toContain(sid(3));
  });

  it('catches a pid reused by another process within FULL_CHECK_EVERY_PASSES passes', async () => {
    const processes = new CountingProcesses();
    await using t = await withSessions(processes);
    processes.alive.set(105, 'st-someone-else'); // exists: true, but it is not the agent
    let passes = 0;
    while (t.daemon.sessions().some((s) => s.id === sid(5)) && passes < FULL_CHECK_EVERY_PASSES) {
      await t.daemon.runLivenessPass();
      passes += 1;
    }
    expect(t.daemon.sessions().map((s) => s.id)).not.toContain(sid(5));
    expect(t.daemon.sessions()).toHaveLength(SESSIONS - 1);
  });

  it('asks the start time whenever the cheap probe cannot tell', async () => {
    const processes = new CountingProcesses();
    await using t = await withSessions(processes);
    processes.existsImpl = () => null;
    await t.daemon.runLivenessPass();
    expect(processes.startTimeAsked).toHaveLength(SESSIONS);
  });

  it('a pid that exists but whose start time cannot be read on a full pass stays (unknown is not dead)', async () => {
    const processes = new CountingProcesses();
    await using t = await withSessions(processes);
    processes.startTimeImpl = () => Promise.reject(new Error('EACCES'));
    for (let pass = 0; pass < FULL_CHECK_EVERY_PASSES; pass += 1) await t.daemon.runLivenessPass();
    expect(t.daemon.sessions()).toHaveLength(SESSIONS);
  });
});
