import { describe, expect, it } from 'vitest';
import { parseProcStat } from '../../../src/platform/linux-proc-process-table.js';
import { parsePsLine } from '../../../src/platform/ps-process-table.js';

/** A /proc/<pid>/stat line with `comm` and the fields after it as the kernel prints them. */
const stat = (comm: string, state = 'S', ppid = 42, startTime = 987654): string =>
  `1234 (${comm}) ${state} ${ppid} 1234 1234 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 ${startTime} 1000 200 18446744073709551615\n`;

describe('parseProcStat', () => {
  it.each([
    ['claude', 'claude'],
    ['with space', 'with space'],
    ['a) b (c', 'a) b (c'],
    ['))', '))'],
    ['', ''],
  ])('reads comm %j and the numbers after it', (comm, expected) => {
    expect(parseProcStat(stat(comm))).toEqual({ comm: expected, state: 'S', ppid: 42, startTime: '987654' });
  });

  it('keeps the state letter (zombies are filtered by the table)', () => {
    expect(parseProcStat(stat('x', 'Z'))?.state).toBe('Z');
  });

  it.each([
    ['empty', ''],
    ['no parentheses', '1234 claude S 42'],
    ['truncated before starttime', '1234 (claude) S 42 1 1 0'],
    ['non-numeric ppid', stat('x').replace(' 42 ', ' x ')],
  ])('refuses %s', (_name, text) => {
    expect(parseProcStat(text)).toBeNull();
  });
});

describe('parsePsLine', () => {
  it.each([
    [
      'Tue Nov 24 11:37:42 2026  2596 Ss   bash',
      { startTime: 'Tue Nov 24 11:37:42 2026', ppid: 2596, state: 'Ss', comm: 'bash' },
    ],
    [
      'Mon Nov  3 09:05:01 2025     1 S+   claude\n',
      { startTime: 'Mon Nov 3 09:05:01 2025', ppid: 1, state: 'S+', comm: 'claude' },
    ],
    [
      'Mon Nov  3 09:05:01 2025   501 S    /Applications/My App.app/Contents/MacOS/claude',
      { startTime: 'Mon Nov 3 09:05:01 2025', ppid: 501, state: 'S', comm: 'claude' },
    ],
    ['Mon Nov  3 09:05:01 2025   501 S    kworker/0:1', { comm: 'kworker/0:1' }],
  ])('%j', (line, expected) => {
    expect(parsePsLine(line)).toMatchObject(expected);
  });

  it.each(['', 'ps: no such process', '2596 S bash'])('refuses %j', (line) => {
    expect(parsePsLine(line)).toBeNull();
  });
});
