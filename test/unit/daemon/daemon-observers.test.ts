import { describe, expect, it } from 'vitest';
import { FakeProcesses, RecordingObserver, makeTestDaemon } from '../../helpers/daemon-fakes.js';

const SID = 'obs-1';
const hook = (name: string, fields: Record<string, unknown> = {}) => ({
  session_id: SID,
  cwd: '/w/p',
  hook_event_name: name,
  ...fields,
});

describe('Daemon observers', () => {
  it('every change reaches every observer, in list order, as before/after', async () => {
    const calls: string[] = [];
    const first = new RecordingObserver('first', calls);
    const second = new RecordingObserver('second', calls);
    await using t = makeTestDaemon({ observers: [first, second] });
    const reporter = { kind: 'hook' as const, agentPid: 77, pane: '%4', tmux: '/tmp/tmux-0/work,99,0', ts: 1000 };
    await t.daemon.ingest(reporter, hook('SessionStart'));
    await t.daemon.ingest({ ...reporter, ts: 2000 }, hook('UserPromptSubmit'));
    await t.daemon.ingest({ ...reporter, ts: 3000 }, hook('SessionEnd'));

    expect(calls).toEqual(['first', 'second', 'first', 'second', 'first', 'second']);
    expect(second.transitions).toEqual(first.transitions);
    const [created, prompted, ended] = first.transitions;
    expect(created).toMatchObject({ id: SID, before: null, after: { status: 'idle', pid: 77 } });
    expect(created?.after?.tmux).toEqual({ pane: '%4', session: null, window: null, server: '/tmp/tmux-0/work' });
    expect(created?.after?.host).toBe('local');
    expect(prompted?.before).toBe(created?.after);
    expect(prompted?.after?.status).toBe('working');
    expect(ended).toEqual({ id: SID, before: prompted?.after, after: null });
  });

  it('a removal by the liveness pass reaches the observers', async () => {
    const observer = new RecordingObserver('o');
    const processes = new FakeProcesses();
    processes.alive.set(77, 'start-77');
    await using t = makeTestDaemon({ observers: [observer], processes, stateFile: null });
    await t.daemon.ingest({ kind: 'hook', agentPid: 77, ts: 1000 }, hook('SessionStart'));
    processes.alive.delete(77);
    await t.daemon.runLivenessPass();
    expect(observer.transitions.at(-1)).toMatchObject({ id: SID, after: null, before: { id: SID } });
    expect(t.daemon.sessions()).toEqual([]);
  });

  it('an observer that throws costs only its own turn; the next is still told', async () => {
    const after = new RecordingObserver('after');
    const broken = {
      name: 'broken',
      observe: () => {
        throw new Error('boom');
      },
    };
    await using t = makeTestDaemon({ observers: [broken, after] });
    await t.daemon.ingest({ kind: 'hook', ts: 1000 }, hook('SessionStart'));
    expect(after.transitions).toHaveLength(1);
    expect(t.logger.messages('error')).toContain('an observer failed');
  });

  it('close() closes every observer', async () => {
    const observer = new RecordingObserver('o');
    const t = makeTestDaemon({ observers: [observer] });
    await t.daemon.close();
    expect(observer.closed).toBe(true);
  });

  it('an envelope naming an unknown agent is refused, and says which agents there are', async () => {
    await using t = makeTestDaemon();
    const result = await t.daemon.ingest({ kind: 'hook', agent: 'codex', ts: 1000 }, hook('SessionStart'));
    expect(result).toMatchObject({ ok: false, code: 'bad-payload' });
    expect(!result.ok && result.message).toContain('claude-code');
    expect(t.daemon.sessions()).toEqual([]);
  });
});
