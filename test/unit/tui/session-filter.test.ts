import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../../src/tui/session-filter.js';
import { session } from './state-helpers.js';

const subject = session({
  id: 's1',
  project: 'atm',
  cwd: '/home/me/src/atm/packages/tui',
  model: { id: 'claude-opus-4-1', displayName: 'Opus 4.1' },
  tool: { name: 'Bash', startedAt: '2025-01-01T11:59:00.000Z', summary: 'npm test' },
  tmux: { pane: '%42' as never, session: 'work', window: 'editor', server: null },
});

describe('matchesFilter', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['atm', true],
    ['ATM', true],
    ['packages/tui', true],
    ['opus', true],
    ['claude-opus', true],
    ['bash', true],
    ['npm test', true],
    ['%42', true],
    ['editor', true],
    ['atm opus', true],
    ['atm sonnet', false],
    ['nothing', false],
  ])('%j -> %s', (filter, expected) => {
    expect(matchesFilter(subject, filter)).toBe(expected);
  });

  it('matches whether accents are composed or not', () => {
    const decomposed = session({ id: 'c', project: 'cafe\u0301', cwd: '/src/cafe\u0301' });
    expect(matchesFilter(decomposed, 'café')).toBe(true);
    expect(matchesFilter(session({ id: 'd', project: 'café' }), 'cafe\u0301')).toBe(true);
  });

  it('matches what is shown, not the escape sequences around it', () => {
    const hostile = session({ id: 'h', project: 'x', cwd: '/tmp/a\x1b[31mb' });
    expect(matchesFilter(hostile, 'ab')).toBe(true);
    expect(matchesFilter(hostile, '31m')).toBe(false);
  });
});
