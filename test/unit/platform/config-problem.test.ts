import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/platform/config-schema.js';
import { describeConfigProblem, pathText, showValue } from '../../../src/platform/config-problem.js';

const describeInput = (input: unknown): string => {
  const parsed = configSchema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return describeConfigProblem(configSchema, input, parsed.error.issues);
};

describe('describeConfigProblem', () => {
  it.each([
    [{ daemon: { maxSessions: 'lots' } }, 'daemon.maxSessions: expected an integer from 1 to 100000, got "lots"'],
    [{ daemon: { maxSessions: 0 } }, 'daemon.maxSessions: expected an integer from 1 to 100000, got 0'],
    [{ daemon: { maxSessions: 2.5 } }, 'daemon.maxSessions: expected an integer from 1 to 100000, got 2.5'],
    [{ daemon: { maxUpdatesPerSecond: 0.5 } }, 'daemon.maxUpdatesPerSecond: expected a number from 1 to 1000, got 0.5'],
    [{ logLevel: 'verbose' }, 'logLevel: expected one of "error", "warn", "info", "debug", got "verbose"'],
    [{ daemon: 5 }, 'daemon: expected a mapping of keys to values, got 5'],
    ['hello', '(top level): expected a mapping of keys to values, got "hello"'],
    [{ daemon: { maxSesions: 3 } }, 'daemon.maxSesions: unknown key (did you mean "maxSessions"?)'],
    [{ LOGLEVEL: 'info' }, 'LOGLEVEL: unknown key (did you mean "logLevel"?)'],
    [{ colour: 'red' }, 'colour: unknown key (known keys: logLevel, daemon, notifications)'],
  ])('%j → %s', (input, expected) => {
    expect(describeInput(input)).toBe(expected);
  });

  it('counts the problems it does not show', () => {
    const line = describeInput({ logLevel: 1, daemon: { maxSessions: -1, a: 1, b: 2 } });
    expect(line).toMatch(/^logLevel: .* \(and 3 more problems\)$/);
  });

  it('keeps a hostile value on one short line', () => {
    const line = describeInput({ logLevel: `a\nb\u001b[31m${'x'.repeat(500)}` });
    expect(line).not.toContain('\n');
    expect(line).not.toContain('\u001b');
    expect(line.length).toBeLessThan(160);
  });
});

describe('pathText and showValue', () => {
  it.each([
    [[], '(top level)'],
    [['daemon', 'maxSessions'], 'daemon.maxSessions'],
    [['list', 2, 'name'], 'list[2].name'],
  ])('%j → %s', (path, expected) => {
    expect(pathText(path)).toBe(expected);
  });

  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    ['x', '"x"'],
    [{ a: [1] }, '{"a":[1]}'],
  ])('%j → %s', (value, expected) => {
    expect(showValue(value)).toBe(expected);
  });
});
