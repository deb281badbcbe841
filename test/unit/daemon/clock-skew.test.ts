import { describe, expect, it } from 'vitest';
import { toEventTime, MAX_CLOCK_SKEW_MS } from '../../../src/domain/event-time.js';
import { FakeClock, makeTestDaemon } from '../../helpers/daemon-fakes.js';

/** The client's clock is not trusted (issue 10, defect 14). In process, with a fake daemon clock. */
const NOW = Date.UTC(2026, 5, 1, 12);
const HOUR = 3_600_000;
const SID = 'clock-1';
const report = (name: string, ts: number) =>
  [
    { kind: 'hook' as const, ts },
    { session_id: SID, cwd: '/w/p', hook_event_name: name },
  ] as const;

describe('toEventTime', () => {
  it.each<[rule: string, reported: number, expected: number]>([
    ['a time within the skew is kept', NOW - 1234, NOW - 1234],
    ['a time far ahead is brought back to the skew', NOW + HOUR, NOW + MAX_CLOCK_SKEW_MS],
    ['a time far behind is brought up to the skew', NOW - HOUR, NOW - MAX_CLOCK_SKEW_MS],
    ['a time past what a Date holds is clamped too', 8.7e15, NOW + MAX_CLOCK_SKEW_MS],
    ['not a number: the daemon clock', Number.NaN, NOW],
  ])('%s', (_rule, reported, expected) => {
    expect(toEventTime(reported, NOW)).toBe(expected);
  });
});

describe('a client clock that is wrong (defect 14)', () => {
  it('one report an hour ahead does not freeze the session', async () => {
    await using t = makeTestDaemon({}, new FakeClock(NOW));
    await t.daemon.ingest(...report('UserPromptSubmit', NOW + HOUR));
    t.clock.nowMs = NOW + 60_000;
    await t.daemon.ingest(...report('Stop', NOW + 60_000));
    expect(t.daemon.sessions()).toMatchObject([{ id: SID, status: 'idle' }]);
  });

  it('a ts of 8.7e15 is taken, not a RangeError', async () => {
    await using t = makeTestDaemon({}, new FakeClock(NOW));
    const result = await t.daemon.ingest(...report('UserPromptSubmit', 8.7e15));
    expect(result.ok).toBe(true);
    expect(t.daemon.sessions()).toMatchObject([{ id: SID, status: 'working' }]);
    expect(Date.parse(t.daemon.sessions()[0]?.lastEventAt ?? '')).toBe(NOW + MAX_CLOCK_SKEW_MS);
  });

  it('the clock stepping back an hour (NTP) does not freeze a session either', async () => {
    await using t = makeTestDaemon({}, new FakeClock(NOW));
    await t.daemon.ingest(...report('UserPromptSubmit', NOW));
    t.clock.nowMs = NOW - HOUR;
    await t.daemon.ingest(...report('Stop', NOW - HOUR));
    expect(t.daemon.sessions()).toMatchObject([{ id: SID, status: 'idle' }]);
  });

  it('racing hooks inside the skew keep their order: an older report never rolls the status back', async () => {
    await using t = makeTestDaemon({}, new FakeClock(NOW));
    await t.daemon.ingest(...report('Stop', NOW - 100));
    await t.daemon.ingest(...report('UserPromptSubmit', NOW - 200));
    expect(t.daemon.sessions()).toMatchObject([{ id: SID, status: 'idle' }]);
  });
});
