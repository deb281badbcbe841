import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../../src/shared/single-flight.js';

describe('singleFlight', () => {
  it('shares one call per key while it runs, and calls again once it settled', async () => {
    const started: string[] = [];
    const releases: (() => void)[] = [];
    const read = singleFlight((key: string) => {
      started.push(key);
      return new Promise<string>((resolve) => releases.push(() => resolve(`${key}!`)));
    });
    const first = read('a');
    expect(read('a')).toBe(first);
    void read('b');
    expect(started).toEqual(['a', 'b']);
    for (const release of releases.splice(0)) release();
    expect(await first).toBe('a!');
    void read('a');
    expect(started).toEqual(['a', 'b', 'a']);
    for (const release of releases.splice(0)) release();
  });
});
