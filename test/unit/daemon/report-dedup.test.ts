import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DELIVERED_WINDOW_MS, MAX_DELIVERED_IDS } from '../../../src/daemon/delivered-reports.js';
import { loadEntries } from '../../../src/daemon/persistence.js';
import { FakeClock, makeTestDaemon } from '../../helpers/daemon-fakes.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/**
 * The daemon's side of exactly-once delivery, in process: a hook report that names itself (the
 * envelope's `id`) is applied once, however many copies come, also across a restart from the
 * saved state. A SubagentStart without agent_id moves a plain counter, so a second apply shows.
 */
const SID = 'dedup-session';
const subagentStart = { session_id: SID, cwd: '/w/p', hook_event_name: 'SubagentStart' };
const reporter = (ts: number) => ({ kind: 'hook' as const, ts });
const T0 = Date.UTC(2026, 0, 1);

describe('a report sent again under the same id', () => {
  it('is answered as a success and applied once; another id, or none (an older shim), applies again', async () => {
    await using t = makeTestDaemon();
    const first = await t.daemon.ingest(reporter(T0), subagentStart, 'id-0000001');
    const copy = await t.daemon.ingest(reporter(T0), subagentStart, 'id-0000001');
    expect(first).toMatchObject({ ok: true });
    expect(first).not.toHaveProperty('duplicate');
    expect(copy).toMatchObject({ ok: true, duplicate: true });
    expect(t.daemon.sessions()[0]?.subagents).toBe(1);
    await t.daemon.ingest(reporter(T0), subagentStart, 'id-0000002');
    await t.daemon.ingest(reporter(T0), subagentStart);
    expect(t.daemon.sessions()[0]?.subagents).toBe(3);
    expect(t.logger.messages('debug')).toContain('a report sent again was not applied twice');
  });

  it('a copy that arrives while the first is still being handled waits for it and applies nothing', async () => {
    await using t = makeTestDaemon();
    // The agent pid lookup is where a report waits: hold it until both copies are in.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    t.processes.resolveAgentPid = async (pid: number) => {
      await held;
      return pid;
    };
    const first = t.daemon.ingest({ ...reporter(T0), ppid: 4242 }, subagentStart, 'id-racing-1');
    const copy = t.daemon.ingest({ ...reporter(T0), ppid: 4242 }, subagentStart, 'id-racing-1');
    release();
    expect(await Promise.all([first, copy])).toMatchObject([{ ok: true }, { ok: true, duplicate: true }]);
    expect(t.daemon.sessions()[0]?.subagents).toBe(1);
  });

  it('a report whose handling threw is handled afresh when it comes again', async () => {
    await using t = makeTestDaemon();
    t.processes.resolveAgentPid = () => Promise.reject(new Error('not this time'));
    // resolveAgentPid failing is survivable (the ppid is used); make the apply itself throw once.
    const broken = { ...reporter(T0), ppid: 4242 };
    Object.defineProperty(broken, 'tmux', {
      get: () => {
        throw new Error('a bug');
      },
    });
    await expect(t.daemon.ingest(broken, subagentStart, 'id-thrown-1')).rejects.toThrow('a bug');
    expect(await t.daemon.ingest(reporter(T0), subagentStart, 'id-thrown-1')).toMatchObject({ ok: true });
    expect(t.daemon.sessions()[0]?.subagents).toBe(1);
  });

  it('after a restart from the saved state, a copy is still recognised and applied no second time', async () => {
    await using dir = makeTempDir();
    const stateFile = join(dir.path, 'sessions.json');
    const clock = new FakeClock(T0);
    {
      await using t = makeTestDaemon({ stateFile }, clock);
      await t.daemon.start();
      await t.daemon.ingest(reporter(T0), subagentStart, 'id-across-1');
      await t.daemon.saved(); // what an ack waits for; then atmd dies before the ack is read
    }
    clock.nowMs += 5_000;
    await using t = makeTestDaemon({ stateFile }, clock);
    await t.daemon.start();
    expect(await t.daemon.ingest(reporter(T0), subagentStart, 'id-across-1')).toMatchObject({ duplicate: true });
    expect(t.daemon.sessions().map((s) => s.subagents)).toEqual([1]);
  });

  it('after the window, an id is forgotten (and a restore drops it too)', async () => {
    await using dir = makeTempDir();
    const stateFile = join(dir.path, 'sessions.json');
    const clock = new FakeClock(T0);
    {
      await using t = makeTestDaemon({ stateFile }, clock);
      await t.daemon.start();
      await t.daemon.ingest(reporter(T0), subagentStart, 'id-expires');
    }
    clock.nowMs += DELIVERED_WINDOW_MS + 1;
    await using t = makeTestDaemon({ stateFile }, clock);
    await t.daemon.start();
    expect(await t.daemon.ingest(reporter(T0), subagentStart, 'id-expires')).not.toHaveProperty('duplicate');
    expect(t.daemon.sessions()[0]?.subagents).toBe(2);
  });

  it('the saved id set stays bounded however many reports came', async () => {
    await using dir = makeTempDir();
    const stateFile = join(dir.path, 'sessions.json');
    const clock = new FakeClock(T0);
    await using t = makeTestDaemon({ stateFile }, clock);
    await t.daemon.start();
    for (let k = 0; k < MAX_DELIVERED_IDS + 500; k += 1) {
      clock.nowMs += 1;
      await t.daemon.ingest(reporter(clock.nowMs), subagentStart, `id-${String(k).padStart(8, '0')}`);
    }
    await t.daemon.saved();
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { delivered: [string, number][] };
    expect(saved.delivered).toHaveLength(MAX_DELIVERED_IDS);
    expect(saved.delivered[0]?.[0]).toBe('id-00000500');
    expect(saved.delivered.at(-1)?.[0]).toBe(`id-${String(MAX_DELIVERED_IDS + 499).padStart(8, '0')}`);
  });

  it('a state file without ids (an older atmd) or with unreadable ones loses no session', async () => {
    await using dir = makeTempDir();
    const stateFile = join(dir.path, 'sessions.json');
    {
      await using t = makeTestDaemon({ stateFile });
      await t.daemon.start();
      await t.daemon.ingest(reporter(T0), subagentStart, 'id-format-1');
      await t.daemon.saved();
    }
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>;
    expect(saved.delivered).toEqual([['id-format-1', T0]]);
    for (const delivered of [undefined, 'garbage', [['ok-id-0001', 'not a time']]]) {
      writeFileSync(stateFile, JSON.stringify({ ...saved, delivered }));
      const loaded = await loadEntries(stateFile);
      expect([loaded.entries.length, loaded.dropped, loaded.problem, loaded.delivered]).toEqual([1, 0, null, []]);
    }
  });
});
