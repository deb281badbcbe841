import { describe, expect, it } from 'vitest';
import type { SessionId } from '../../../src/domain/ids.js';
import type { Session } from '../../../src/domain/session.js';
import { TmuxStatusWriter, type TmuxOptions } from '../../../src/daemon/tmux-status-writer.js';
import { formatStatus, renderStatusSegment } from '../../../src/domain/status-segment.js';
import { makeFakeSession } from '../../../src/tui/dev/fake-sessions.js';
import { FakeClock, RecordingLogger, flush } from './notifier-fakes.js';

const on = (server: string | null, id: string, status: Session['status']): Session => {
  const s = makeFakeSession({ id, status, waitingFor: status === 'waiting' ? 'permission' : null });
  return { ...s, tmux: s.tmux === null ? null : { ...s.tmux, server } };
};

function rig() {
  const clock = new FakeClock();
  const sessions = new Map<string, Session>();
  const calls: string[] = [];
  let failing = false;
  const options: TmuxOptions = {
    set: (server, values) => {
      if (failing) return Promise.reject(new Error('no server running'));
      calls.push(`${server} set ${Object.values(values).join('|')}`);
      return Promise.resolve();
    },
    unset: (server, names) => {
      calls.push(`${server} unset ${names.join(',')}`);
      return Promise.resolve();
    },
  };
  const writer = new TmuxStatusWriter({
    sessions: () => [...sessions.values()],
    options,
    timers: clock,
    logger: new RecordingLogger(),
    coalesceMs: 100,
  });
  const change = (after: Session | null, id: string) => {
    const before = sessions.get(id) ?? null;
    if (after === null) sessions.delete(id);
    else sessions.set(id, after);
    writer.observe({ id: id as SessionId, before, after });
  };
  return { clock, calls, writer, change, fail: () => (failing = true) };
}

describe('TmuxStatusWriter', () => {
  it('coalesces a burst into one tmux run per server, counted from the registry', async () => {
    const r = rig();
    r.change(on('/tmp/a', 's1', 'working'), 's1');
    r.change(on('/tmp/a', 's2', 'waiting'), 's2');
    r.change(on('/tmp/b', 's3', 'waiting'), 's3');
    r.change(on('/tmp/a', 's1', 'waiting'), 's1');
    expect(r.calls).toEqual([]);
    r.clock.advance(100);
    await flush();
    expect(r.calls).toEqual([
      '/tmp/a set 2|0|#[fg=yellow,bold]2 waiting#[default]',
      '/tmp/b set 1|0|#[fg=yellow,bold]1 waiting#[default]',
    ]);
  });

  it('a change that moves no count (a tool, a cost) writes nothing', async () => {
    const r = rig();
    r.change(on('/tmp/a', 's1', 'working'), 's1');
    r.clock.advance(100);
    await flush();
    r.change({ ...on('/tmp/a', 's1', 'working'), subagents: 2 }, 's1');
    r.clock.advance(1_000);
    await flush();
    expect(r.calls).toHaveLength(1);
  });

  it('sessions without a known tmux server write nowhere; the last one leaving writes zeros', async () => {
    const r = rig();
    r.change(on(null, 's0', 'waiting'), 's0');
    r.change(on('/tmp/a', 's1', 'waiting'), 's1');
    r.clock.advance(100);
    await flush();
    r.change(null, 's1');
    r.clock.advance(100);
    await flush();
    expect(r.calls).toEqual(['/tmp/a set 1|0|#[fg=yellow,bold]1 waiting#[default]', '/tmp/a set 0|0|']);
  });

  it('clears the options on every server it wrote to when atmd stops', async () => {
    const r = rig();
    r.change(on('/tmp/a', 's1', 'working'), 's1');
    r.clock.advance(100);
    await flush();
    await r.writer.close();
    expect(r.calls.at(-1)).toBe('/tmp/a unset @atm_waiting,@atm_working,@atm_status');
  });

  it('a tmux server that went away is not cleared at exit', async () => {
    const r = rig();
    r.fail();
    r.change(on('/tmp/gone', 's1', 'working'), 's1');
    r.clock.advance(100);
    await flush();
    await r.writer.close();
    expect(r.calls).toEqual([]);
  });
});

describe('status text', () => {
  it.each([
    [{ waiting: 0, working: 0, idle: 3 }, ''],
    [{ waiting: 2, working: 3, idle: 0 }, '2 waiting · 3 working'],
    [{ waiting: 0, working: 1, idle: 0 }, '1 working'],
  ])('%j reads "%s"', (counts, text) => {
    expect(renderStatusSegment(counts, { styled: false })).toBe(text);
  });

  it('formats: {waiting} {working} {idle} {total} {text}, other braces kept', () => {
    expect(formatStatus('{waiting}/{total} {x} {text}', { waiting: 1, working: 2, idle: 3 })).toBe(
      '1/6 {x} 1 waiting · 2 working',
    );
  });
});
