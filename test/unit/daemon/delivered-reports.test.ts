import { describe, expect, it } from 'vitest';
import { DELIVERED_WINDOW_MS, DeliveredReports } from '../../../src/daemon/delivered-reports.js';
import { FakeClock } from '../../helpers/daemon-fakes.js';

const T0 = Date.UTC(2026, 0, 1);

/** Claims `id` and settles it as applied; fails the test if it was not new. */
function take(ledger: DeliveredReports, id: string): void {
  const claimed = ledger.claim(id);
  if (claimed.type !== 'new') throw new Error(`${id} was ${claimed.type}`);
  claimed.claim.applied();
}

describe('DeliveredReports', () => {
  it('a second copy of an applied id is a duplicate; another id is new', () => {
    const ledger = new DeliveredReports({ now: new FakeClock(T0).now });
    take(ledger, 'report-1');
    expect(ledger.claim('report-1').type).toBe('duplicate');
    expect(ledger.claim('report-2').type).toBe('new');
  });

  it('a copy that arrives while the first is handled waits for it, then is a duplicate', async () => {
    const ledger = new DeliveredReports({ now: new FakeClock(T0).now });
    const first = ledger.claim('report-1');
    const copy = ledger.claim('report-1');
    if (first.type !== 'new' || copy.type !== 'pending') throw new Error(`${first.type}, ${copy.type}`);
    let settled = false;
    void copy.settled.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    first.claim.applied();
    await copy.settled;
    expect(ledger.claim('report-1').type).toBe('duplicate');
  });

  it('an abandoned first copy (handling it threw) leaves the id free for the next copy', async () => {
    const ledger = new DeliveredReports({ now: new FakeClock(T0).now });
    const first = ledger.claim('report-1');
    const copy = ledger.claim('report-1');
    if (first.type !== 'new' || copy.type !== 'pending') throw new Error(`${first.type}, ${copy.type}`);
    first.claim.abandon();
    await copy.settled;
    expect(ledger.claim('report-1').type).toBe('new');
    expect(ledger.size).toBe(0);
  });

  it('a refused report (done without an apply) is remembered too: a copy would be refused again', () => {
    const ledger = new DeliveredReports({ now: new FakeClock(T0).now });
    const first = ledger.claim('report-1');
    if (first.type !== 'new') throw new Error(first.type);
    first.claim.done();
    first.claim.abandon(); // the first call counts
    expect(ledger.claim('report-1').type).toBe('duplicate');
  });

  it('forgets an id once the window has passed', () => {
    const clock = new FakeClock(T0);
    const ledger = new DeliveredReports({ now: clock.now });
    take(ledger, 'report-1');
    clock.nowMs += DELIVERED_WINDOW_MS;
    expect(ledger.claim('report-1').type).toBe('duplicate');
    clock.nowMs += 1;
    expect(ledger.toSaved()).toEqual([]);
    expect(ledger.claim('report-1').type).toBe('new');
  });

  it('holds at most maxIds, dropping the oldest', () => {
    const clock = new FakeClock(T0);
    const ledger = new DeliveredReports({ now: clock.now, maxIds: 3 });
    for (const id of ['a-report', 'b-report', 'c-report', 'd-report']) {
      take(ledger, id);
      clock.nowMs += 1;
    }
    expect(ledger.size).toBe(3);
    expect(ledger.toSaved().map(([id]) => id)).toEqual(['b-report', 'c-report', 'd-report']);
    expect(ledger.claim('a-report').type).toBe('new');
  });

  it('restores what was saved, oldest first, minus ids outside the window', () => {
    const clock = new FakeClock(T0);
    const ledger = new DeliveredReports({ now: clock.now });
    ledger.restore([
      ['newer-report', T0 - 1_000],
      ['expired-report', T0 - DELIVERED_WINDOW_MS - 1],
      ['older-report', T0 - 2_000],
      ['future-report', T0 + DELIVERED_WINDOW_MS + 1],
    ]);
    expect(ledger.toSaved()).toEqual([
      ['older-report', T0 - 2_000],
      ['newer-report', T0 - 1_000],
    ]);
    expect(ledger.claim('newer-report').type).toBe('duplicate');
  });

  it('a clock that steps back keeps ids no longer than the count allows', () => {
    const clock = new FakeClock(T0);
    const ledger = new DeliveredReports({ now: clock.now, maxIds: 2 });
    take(ledger, 'before-step');
    clock.nowMs -= 3_600_000; // an hour back: the id now looks far in the future
    take(ledger, 'after-step');
    expect(ledger.claim('before-step').type).toBe('new'); // dropped: outside the window either way
    expect(ledger.size).toBe(1);
  });
});
