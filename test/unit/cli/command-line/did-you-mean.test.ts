import { describe, expect, it } from 'vitest';
import { editDistance, suggestNearest } from '../../../../src/cli/command-line/did-you-mean.js';

describe('suggestNearest', () => {
  it.each([
    ['a transposition is one step', '--jsno', ['--json', '--help'], '--json'],
    ['a unique prefix wins', 'doc', ['daemon', 'doctor', 'dashboard'], 'doctor'],
    ['a missing letter', 'lst', ['list', 'setup'], 'list'],
    ['a swapped pair in a command', 'lsit', ['list', 'ls', 'setup'], 'list'],
    ['nothing near: no suggestion', 'frobnicate', ['list', 'setup'], undefined],
    ['a short word gets at most one step', 'xy', ['ls'], undefined],
    ['an ambiguous prefix falls back to the distance', 'd', ['daemon', 'doctor'], undefined],
  ])('%s', (_name, typed, known, expected) => {
    expect(suggestNearest(typed, known)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['json', 'jsno', 1],
    ['kitten', 'sitting', 3],
    ['stop', 'stp', 1],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
