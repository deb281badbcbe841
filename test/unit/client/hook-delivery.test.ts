import { describe, expect, it } from 'vitest';
import { HOOK_TRIES, RESEND_PAUSE_MS, deliverHookReport } from '../../../src/client/hook-delivery.js';
import type { OneShotResult } from '../../../src/client/one-shot.js';
import { toReportId } from '../../../src/client/report-id.js';

/** `atm hook`'s resend policy against a scripted transport and a clock the test owns (no sleeping). */
function scripted(answers: readonly (OneShotResult | Error)[], options: { socket?: () => boolean } = {}) {
  let nowMs = 0;
  const timeouts: number[] = [];
  const ports = {
    send: (timeoutMs: number): Promise<OneShotResult> => {
      timeouts.push(timeoutMs);
      const answer = answers[timeouts.length - 1] ?? { ok: false, reason: 'no more answers' };
      nowMs += 100; // each try takes a little
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    socketPresent: options.socket ?? (() => true),
    now: () => nowMs,
    sleep: (ms: number) => {
      nowMs += ms;
      return Promise.resolve();
    },
  };
  return { ports, timeouts };
}

const ok: OneShotResult = { ok: true, reply: 'ok\n' };
const silent: OneShotResult = { ok: true, reply: '' };
const refused: OneShotResult = { ok: false, reason: 'ECONNREFUSED' };

describe('deliverHookReport', () => {
  it('sends once when atmd acks', async () => {
    const { ports, timeouts } = scripted([ok]);
    expect(await deliverHookReport(ports, 2_000)).toEqual({ acked: true, tries: 1 });
    expect(timeouts).toEqual([2_000]);
  });

  it('sends again after a refused connection, a close without ok, or a failed try, within the budget', async () => {
    const { ports, timeouts } = scripted([refused, silent, ok]);
    expect(await deliverHookReport(ports, 2_000)).toEqual({ acked: true, tries: 3 });
    // Each try gets what is left of the one budget: 2 s for all of them together.
    expect(timeouts).toEqual([2_000, 2_000 - 100 - RESEND_PAUSE_MS, 2_000 - 2 * (100 + RESEND_PAUSE_MS)]);
    const thrown = scripted([new Error('a bug'), ok]);
    expect(await deliverHookReport(thrown.ports, 2_000)).toEqual({ acked: true, tries: 2 });
  });

  it(`gives up after ${HOOK_TRIES} tries`, async () => {
    const { ports, timeouts } = scripted([silent, silent, silent, ok]);
    expect(await deliverHookReport(ports, 10_000)).toEqual({ acked: false, tries: HOOK_TRIES });
    expect(timeouts).toHaveLength(HOOK_TRIES);
  });

  it('gives up at once when the socket is gone (no atmd), and when the budget is spent', async () => {
    const gone = scripted([refused, ok], { socket: () => false });
    expect(await deliverHookReport(gone.ports, 2_000)).toEqual({ acked: false, tries: 1 });
    const late = scripted([refused, ok]);
    expect(await deliverHookReport(late.ports, 100 + RESEND_PAUSE_MS)).toEqual({ acked: false, tries: 1 });
  });
});

describe('toReportId', () => {
  it("takes the kernel's uuid, else pid and time, else none", () => {
    expect(toReportId('0f8e3c1a-5b2d-4e7f-9a61-3c0d2b4e8f17\n', 42, 1_764_000_000_123)).toBe(
      '0f8e3c1a-5b2d-4e7f-9a61-3c0d2b4e8f17',
    );
    expect(toReportId(null, 42, 1_764_000_000_123)).toBe('42-1764000000123');
    expect(toReportId('not a uuid', 42, 1_764_000_000_123)).toBe('42-1764000000123');
    expect(toReportId(null, 42, 0)).toBeNull();
  });
});
