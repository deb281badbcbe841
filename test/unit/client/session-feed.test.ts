import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../src/client/session-feed.js';

describe('retryDelayMs: the reconnect backoff the dashboard counts down', () => {
  it.each<[attempt: number, delayMs: number]>([
    [0, 1_000],
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [4, 16_000],
    [5, 30_000],
    [6, 30_000],
    [1_000, 30_000],
  ])('attempt %i waits %i ms', (attempt, delayMs) => {
    expect(retryDelayMs(attempt)).toBe(delayMs);
  });
});
