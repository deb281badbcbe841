import { describe, expect, it } from 'vitest';
import { FakeProcesses, RecordingObserver, makeTestDaemon } from '../../helpers/daemon-fakes.js';
import { pollUntil } from '../../helpers/poll.js';

/**
 * The liveness pass and the pid start-time probe against a fake process table (a real /proc
 * cannot be made to fail with EACCES, nor a pid to change at a chosen moment).
 */
const SID = 'live-1';
const start = (agentPid: number, ts = 1000) =>
  [
    { kind: 'hook' as const, agentPid, ts },
    { session_id: SID, cwd: '/w/p', hook_event_name: 'SessionStart' },
  ] as const;

describe('liveness failures (issue 10, defects 2, 3, 4)', () => {
  it('defect 2: a start-time probe that rejects is logged, never an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const processes = new FakeProcesses();
      processes.startTimeImpl = () => Promise.reject(new Error('EACCES: /proc/77/stat'));
      await using t = makeTestDaemon({ processes });
      await t.daemon.ingest(...start(77));
      await pollUntil(() => t.logger.messages('debug').includes('cannot read the start time of an agent'), {
        what: 'the start-time failure in the log',
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      expect(t.daemon.sessions().map((s) => s.id)).toEqual([SID]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('defect 3: a probe that cannot answer keeps the session (unknown is not dead), and says so once', async () => {
    const processes = new FakeProcesses();
    processes.alive.set(77, 'st-77');
    await using t = makeTestDaemon({ processes });
    await t.daemon.ingest(...start(77));
    processes.startTimeImpl = () => Promise.reject(new Error('ps timed out'));
    expect(await t.daemon.runLivenessPass()).toBe(0);
    expect(await t.daemon.runLivenessPass()).toBe(0);
    expect(t.daemon.sessions().map((s) => s.id)).toEqual([SID]);
    expect(t.logger.messages('warn')).toEqual(['cannot tell whether an agent runs; keeping its session']);
  });

  it('defect 4: an agent replaced while the pass runs (claude --resume) keeps its session', async () => {
    const processes = new FakeProcesses();
    processes.alive.set(77, 'st-77');
    const observer = new RecordingObserver('o');
    await using t = makeTestDaemon({ processes, observers: [observer] });
    await t.daemon.ingest(...start(77));
    processes.alive.delete(77);
    processes.alive.set(88, 'st-88');
    // While the pass asks about pid 77, the session reports from its new agent, pid 88.
    processes.startTimeImpl = async (pid) => {
      if (pid === 77) await t.daemon.ingest(...start(88, 2000));
      return processes.alive.get(pid) ?? null;
    };
    expect(await t.daemon.runLivenessPass()).toBe(0);
    expect(t.daemon.sessions()).toMatchObject([{ id: SID, pid: 88 }]);
    expect(observer.transitions.some((tr) => tr.after === null)).toBe(false);
  });

  it('a dead agent is still removed, and observers hear of it', async () => {
    const processes = new FakeProcesses();
    processes.alive.set(77, 'st-77');
    const observer = new RecordingObserver('o');
    await using t = makeTestDaemon({ processes, observers: [observer] });
    await t.daemon.ingest(...start(77));
    processes.alive.delete(77);
    expect(await t.daemon.runLivenessPass()).toBe(1);
    expect(t.daemon.sessions()).toEqual([]);
    expect(observer.transitions.at(-1)).toMatchObject({ id: SID, after: null });
  });
});
