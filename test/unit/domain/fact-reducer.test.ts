import { describe, expect, it } from 'vitest';
import { paneIdSchema, sessionIdSchema } from '../../../src/domain/ids.js';
import { reduceFact } from '../../../src/domain/fact-reducer.js';
import type { SessionFact } from '../../../src/domain/session-fact.js';
import type { SessionEntry } from '../../../src/domain/session-reducer.js';
import { SESSION_ID, T0, hook, hookEvent } from './claude-events.js';
import { mustRun } from './claude-steps.js';

const id = sessionIdSchema.parse(SESSION_ID);
const pane = (p: string) => paneIdSchema.parse(p);
const A = '/tmp/tmux-0/default';
const B = '/tmp/tmux-0/other';

/** A session on pid 100 in pane %1 of server A, named main:editor, in /w/app with no project dir. */
const base = (): SessionEntry => {
  const e = mustRun([
    hookEvent(hook('SessionStart', { cwd: '/w/app/src' }), T0, { pid: 100, pane: '%1', tmuxServer: A }),
  ]);
  return { ...e, session: { ...e.session, tmux: { pane: pane('%1'), session: 'main', window: 'editor', server: A } } };
};
const paneless = (): SessionEntry => ({ ...base(), session: { ...base().session, tmux: null } });

type Expect = 'removed' | 'unchanged' | 'absent' | Record<string, unknown>;

describe('reduceFact: one row per rule', () => {
  it.each<[rule: string, from: () => SessionEntry | undefined, fact: SessionFact, expected: Expect]>([
    ['agent-gone for its pid ends the session', base, { type: 'agent-gone', id, pid: 100 }, 'removed'],
    [
      'agent-gone for a pid it no longer runs on (replaced mid-pass) changes nothing',
      base,
      { type: 'agent-gone', id, pid: 99 },
      'unchanged',
    ],
    ['a fact about an absent session creates nothing', () => undefined, { type: 'agent-gone', id, pid: 100 }, 'absent'],
    [
      'pid-started records the start time of its pid',
      base,
      { type: 'pid-started', id, pid: 100, startTime: 'st' },
      { pidStart: 'st' },
    ],
    [
      'pid-started for another pid changes nothing',
      base,
      { type: 'pid-started', id, pid: 99, startTime: 'st' },
      'unchanged',
    ],
    [
      'pane-located gives a pane-less session its pane',
      paneless,
      { type: 'pane-located', id, pid: 100, tmux: { pane: pane('%5'), session: 's', window: 'w', server: A } },
      { session: { tmux: { pane: '%5', session: 's', window: 'w', server: A } } },
    ],
    [
      'pane-located never overrides a pane a report named',
      base,
      { type: 'pane-located', id, pid: 100, tmux: { pane: pane('%5'), session: 's', window: 'w', server: A } },
      'unchanged',
    ],
    [
      'pane-located for another pid changes nothing',
      paneless,
      { type: 'pane-located', id, pid: 99, tmux: { pane: pane('%5'), session: 's', window: 'w', server: A } },
      'unchanged',
    ],
    [
      'tmux-names for its pane renames it and keeps the server',
      base,
      { type: 'tmux-names', id, pane: pane('%1'), server: A, session: 'play', window: 'renamed' },
      { session: { tmux: { pane: '%1', session: 'play', window: 'renamed', server: A } } },
    ],
    [
      'tmux-names with the names it has changes nothing',
      base,
      { type: 'tmux-names', id, pane: pane('%1'), server: A, session: 'main', window: 'editor' },
      'unchanged',
    ],
    [
      'tmux-names for a pane it left changes nothing',
      base,
      { type: 'tmux-names', id, pane: pane('%2'), server: A, session: 'x', window: 'y' },
      'unchanged',
    ],
    [
      'tmux-names from another server (the same pane id there is another pane) changes nothing',
      base,
      { type: 'tmux-names', id, pane: pane('%1'), server: B, session: 'x', window: 'y' },
      'unchanged',
    ],
    [
      'tmux-names that tmux does not list any more clear the names',
      base,
      { type: 'tmux-names', id, pane: pane('%1'), server: null, session: null, window: null },
      { session: { tmux: { pane: '%1', session: null, window: null, server: A } } },
    ],
    [
      'git-read for its cwd sets the branch, and the repository top names the project',
      base,
      { type: 'git-read', id, cwd: '/w/app/src', branch: 'main', root: '/w/app' },
      { session: { branch: 'main', projectDir: '/w/app', project: 'app' } },
    ],
    [
      'git-read for a cwd it left changes nothing',
      base,
      { type: 'git-read', id, cwd: '/elsewhere', branch: 'main', root: '/elsewhere' },
      'unchanged',
    ],
    [
      'git-read outside git leaves no branch',
      () => ({ ...base(), session: { ...base().session, branch: 'old' } }),
      { type: 'git-read', id, cwd: '/w/app/src', branch: null, root: null },
      { session: { branch: null, projectDir: null, project: 'src' } },
    ],
    [
      'restored puts back an absent entry',
      () => undefined,
      { type: 'restored', id, entry: base() },
      { session: { id } },
    ],
    [
      'restored never overrides a live entry (a report came first)',
      paneless,
      { type: 'restored', id, entry: base() },
      'unchanged',
    ],
  ])('%s', (_rule, from, fact, expected) => {
    const entry = from();
    const next = reduceFact(entry, fact);
    if (expected === 'removed') expect(next).toBeNull();
    else if (expected === 'unchanged') expect(next).toBe(entry);
    else if (expected === 'absent') expect(next).toBeUndefined();
    else {
      expect(next).not.toBe(entry);
      expect(next).toMatchObject(expected);
    }
  });
});
