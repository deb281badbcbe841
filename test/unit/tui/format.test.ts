import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatCostUsd,
  formatDuration,
  formatLocation,
  formatTokens,
} from '../../../src/domain/session-format.js';
import { abbreviateHome, describeActivity, toContextLevel, wrapToWidth } from '../../../src/tui/format.js';
import { session } from './state-helpers.js';

describe('formatters', () => {
  it.each([
    [0, '0s'],
    [59_999, '59s'],
    [60_000, '1m'],
    [3_599_000, '59m'],
    [3_600_000, '1h'],
    [86_400_000, '1d'],
    [-5000, '0s'],
  ])('formatAgo(%i) = %s', (agoMs, expected) => {
    expect(formatAgo(1_000_000_000 - agoMs, 1_000_000_000)).toBe(expected);
  });

  it.each([
    [45_000, '45s'],
    [725_000, '12m 05s'],
    [12_000_000, '3h 20m'],
  ])('formatDuration(%i) = %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it.each([
    [0, '$0.00'],
    [0.004, '$0.00'],
    [0.005, '$0.01'],
    [0.1873, '$0.19'],
    [0.424, '$0.42'],
    [12.3, '$12.30'],
    [99.99, '$99.99'],
    [100, '$100'],
    [123.4, '$123'],
    [1234.56, '$1235'],
    [12_345, '$12.3k'],
  ])('formatCostUsd(%d) = %s', (usd, expected) => {
    expect(formatCostUsd(usd)).toBe(expected);
  });

  it.each([
    [950, '950'],
    [12_345, '12.3k'],
    [200_000, '200k'],
    [1_000_000, '1.0M'],
  ])('formatTokens(%i) = %s', (n, expected) => {
    expect(formatTokens(n)).toBe(expected);
  });

  it.each([
    [null, ''],
    [{ pane: '%3', session: null, window: null }, '%3'],
    [{ pane: '%3', session: 'work', window: '2' }, 'work:2 %3'],
  ] as const)('formatLocation(%j) = %s', (tmux, expected) => {
    expect(formatLocation(tmux as never)).toBe(expected);
  });

  it.each([
    ['/home/me/src', '/home/me', '~/src'],
    ['/home/me', '/home/me', '~'],
    ['/home/meow/src', '/home/me', '/home/meow/src'],
    ['/etc', null, '/etc'],
  ])('abbreviateHome(%s, %s) = %s', (path, home, expected) => {
    expect(abbreviateHome(path, home)).toBe(expected);
  });

  it.each([
    [0, 'ok'],
    [69.9, 'ok'],
    [70, 'high'],
    [89.9, 'high'],
    [90, 'critical'],
    [100, 'critical'],
  ] as const)('context %d%% is %s', (percent, level) => {
    expect(toContextLevel(percent)).toBe(level);
  });
});

describe('describeActivity', () => {
  const tool = { name: 'Bash', startedAt: '2025-01-01T11:59:00.000Z', summary: 'npm test' };
  it.each([
    ['working with a tool', session({ id: 'a', status: 'working', tool }), 'Bash npm test'],
    ['working without a tool', session({ id: 'a', status: 'working' }), 'thinking'],
    ['working with subagents', session({ id: 'a', status: 'working', subagents: 2 }), 'thinking (+2 agents)'],
    [
      'waiting for permission',
      session({ id: 'a', status: 'waiting', waitingFor: 'permission', tool }),
      'waits for permission: Bash npm test',
    ],
    ['waiting for an answer', session({ id: 'a', status: 'waiting', waitingFor: 'question' }), 'waits for an answer'],
    ['idle', session({ id: 'a', status: 'idle' }), 'idle'],
  ])('%s', (_name, subject, expected) => {
    expect(describeActivity(subject)).toBe(expected);
  });
});

describe('wrapToWidth', () => {
  it.each<[text: string, width: number, expected: string[]]>([
    ['one two three', 20, ['one two three']],
    ['one two three', 7, ['one two', 'three']],
    ['one  two', 3, ['one', 'two']],
    ['a verylongword b', 5, ['a', 'very…', 'b']],
    ['日本語 テキスト', 7, ['日本語', 'テキス…']],
    ['', 10, []],
  ])('%j at %i cells', (text, width, expected) => {
    expect(wrapToWidth(text, width)).toEqual(expected);
  });
});
