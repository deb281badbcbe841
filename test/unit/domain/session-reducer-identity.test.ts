import { describe, expect, it } from 'vitest';
import { paneIdSchema } from '../../../src/domain/ids.js';
import type { SessionEvent } from '../../../src/domain/session-event.js';
import { toProjectName, type SessionEntry } from '../../../src/domain/session-reducer.js';
import { CWD, SESSION_ID, T0, hook, hookEvent, statusEvent, statusLine, toEvents } from './claude-events.js';
import { iso, metrics, mustRun, permissionBash, preBash, prompt, subagentStart } from './claude-steps.js';

describe('reduceSession: identity refresh', () => {
  const base = (): SessionEntry => mustRun([hookEvent(hook('SessionStart'), T0, { pid: 100, pane: '%1' })]);

  it('a new session starts from its first event', () => {
    const s = base().session;
    expect(s).toMatchObject({
      id: SESSION_ID,
      agent: 'claude-code',
      status: 'idle',
      waitingFor: null,
      tool: null,
      cwd: CWD,
      projectDir: null,
      project: 'shop-frontend',
      pid: 100,
      tmux: { pane: '%1', session: null, window: null, server: null },
      startedAt: iso(T0),
      lastEventAt: iso(T0),
      subagents: 0,
      host: 'local',
    });
  });

  describe('the tmux server a pane is on', () => {
    const A = '/tmp/tmux-0/default';
    const B = '/tmp/tmux-0/other';
    const onA = (): SessionEntry => {
      const start = mustRun([hookEvent(hook('SessionStart'), T0, { pane: '%1', tmuxServer: A })]);
      return {
        ...start,
        session: {
          ...start.session,
          tmux: { pane: paneIdSchema.parse('%1'), session: 'main', window: 'editor', server: A },
        },
      };
    };
    it.each<[rule: string, event: SessionEvent, expected: Record<string, unknown> | null]>([
      [
        'a first report names its server',
        hookEvent(hook('SessionStart'), T0, { pane: '%1', tmuxServer: A }),
        { pane: '%1', session: null, window: null, server: A },
      ],
      [
        'the same pane on the same server keeps its names',
        hookEvent(hook('FutureEvent'), T0 + 10, { pane: '%1', tmuxServer: A }),
        { pane: '%1', session: 'main', window: 'editor', server: A },
      ],
      [
        'a report that names no server keeps the known one and the names',
        hookEvent(hook('FutureEvent'), T0 + 10, { pane: '%1', tmuxServer: null }),
        { pane: '%1', session: 'main', window: 'editor', server: A },
      ],
      [
        'the same pane id on another server is another pane: names are forgotten',
        hookEvent(hook('FutureEvent'), T0 + 10, { pane: '%1', tmuxServer: B }),
        { pane: '%1', session: null, window: null, server: B },
      ],
      [
        'a new pane with no server named has an unknown server',
        hookEvent(hook('FutureEvent'), T0 + 10, { pane: '%2' }),
        { pane: '%2', session: null, window: null, server: null },
      ],
      [
        'no pane keeps the location whole',
        hookEvent(hook('FutureEvent'), T0 + 10, { pane: null, tmuxServer: B }),
        { pane: '%1', session: 'main', window: 'editor', server: A },
      ],
    ])('%s', (rule, event, expected) => {
      const start = rule === 'a first report names its server' ? undefined : onA();
      expect(mustRun([event], start).session.tmux).toEqual(expected);
    });
  });

  it.each<[rule: string, event: SessionEvent, expected: Record<string, unknown>]>([
    ['a new pid replaces the old one', hookEvent(hook('FutureEvent'), T0 + 10, { pid: 200 }), { pid: 200 }],
    ['no pid keeps the old one', hookEvent(hook('FutureEvent'), T0 + 10, { pid: null }), { pid: 100 }],
    [
      'a new pane replaces the old one and forgets its names',
      hookEvent(hook('FutureEvent'), T0 + 10, { pane: '%7' }),
      { tmux: { pane: '%7', session: null, window: null } },
    ],
    [
      'no pane keeps the old one',
      hookEvent(hook('FutureEvent'), T0 + 10, { pane: null }),
      { tmux: { pane: '%1', session: 'main', window: 'editor' } },
    ],
    [
      'an invalid pane is dropped, not stored',
      hookEvent(hook('FutureEvent'), T0 + 10, { pane: '1;rm -rf' }),
      { tmux: { pane: '%1', session: 'main', window: 'editor' } },
    ],
    [
      'the same pane keeps the names tmux gave',
      hookEvent(hook('FutureEvent'), T0 + 10, { pane: '%1' }),
      { tmux: { pane: '%1', session: 'main', window: 'editor' } },
    ],
    [
      'a new cwd replaces the old one, and the project follows it',
      hookEvent(hook('FutureEvent', { cwd: '/srv/api' }), T0 + 10),
      { cwd: '/srv/api', project: 'api' },
    ],
    [
      'no cwd keeps the old one',
      hookEvent(hook('FutureEvent', { cwd: undefined }), T0 + 10),
      { cwd: CWD, project: 'shop-frontend' },
    ],
    [
      'a project dir from the status line names the project',
      statusEvent(statusLine({ workspace: { current_dir: '/w/mono/pkg/ui', project_dir: '/w/mono' } }), T0 + 10),
      { cwd: '/w/mono/pkg/ui', projectDir: '/w/mono', project: 'mono' },
    ],
    [
      'the status line cwd is used when there is no workspace',
      statusEvent(statusLine({ workspace: undefined, cwd: '/w/other' }), T0 + 10),
      { cwd: '/w/other', projectDir: null, project: 'other' },
    ],
  ])('%s', (_rule, event, expected) => {
    const named: SessionEntry = {
      ...base(),
      session: {
        ...base().session,
        tmux: { pane: paneIdSchema.parse('%1'), session: 'main', window: 'editor', server: null },
      },
    };
    expect(mustRun([event], named).session).toMatchObject(expected);
  });

  it('the project dir, once known, outlives hook events that do not carry it', () => {
    const withProject = mustRun([
      statusEvent(statusLine({ workspace: { current_dir: '/w/mono/pkg', project_dir: '/w/mono' } }), T0),
    ]);
    const s = mustRun(
      [hookEvent(hook('UserPromptSubmit', { cwd: '/w/mono/pkg/deeper' }), T0 + 10)],
      withProject,
    ).session;
    expect([s.cwd, s.projectDir, s.project]).toEqual(['/w/mono/pkg/deeper', '/w/mono', 'mono']);
  });

  it.each<[rule: string, pid: number | null, pidStart: string | null]>([
    ['a new pid forgets the old pid start time', 200, null],
    ['the same pid keeps its start time', 100, 'start-123'],
    ['no pid keeps its start time', null, 'start-123'],
  ])('%s', (_rule, pid, pidStart) => {
    const probed: SessionEntry = { ...base(), pidStart: 'start-123' };
    expect(mustRun([hookEvent(hook('FutureEvent'), T0 + 10, { pid })], probed).pidStart).toBe(pidStart);
  });

  it.each<[rule: string, laterMs: number, startedAt: number, lastEventAt: number]>([
    ['startedAt stays at the first event; lastEventAt follows the latest', 5000, T0, T0 + 5000],
    ['an older event does not move lastEventAt back', -5000, T0, T0],
  ])('%s', (_rule, laterMs, startedAt, lastEventAt) => {
    const s = mustRun([hookEvent(hook('UserPromptSubmit'), T0 + laterMs)], base()).session;
    expect([s.startedAt, s.lastEventAt]).toEqual([iso(startedAt), iso(lastEventAt)]);
  });

  it('a status line and an unknown event also count as signs of life', () => {
    const afterStatus = mustRun([statusEvent(statusLine(), T0 + 700)], base());
    expect(afterStatus.session.lastEventAt).toBe(iso(T0 + 700));
    const afterUnknown = mustRun([hookEvent(hook('FutureEvent'), T0 + 900)], afterStatus);
    expect(afterUnknown.session.lastEventAt).toBe(iso(T0 + 900));
  });

  it('keeps the transcript path for reconciliation, and the last known one when a payload has none', () => {
    const first = base();
    expect(first.transcriptPath).toBe(`/home/alex/.claude/projects/x/${SESSION_ID}.jsonl`);
    const next = mustRun([hookEvent(hook('Stop', { transcript_path: undefined }), T0 + 10)], first);
    expect(next.transcriptPath).toBe(first.transcriptPath);
  });

  it('is pure: the entry it was given is left as it was', () => {
    const before = base();
    const snapshot = structuredClone(before);
    mustRun(toEvents([prompt, preBash, permissionBash, subagentStart, metrics], T0 + 10), before);
    expect(before).toEqual(snapshot);
  });
});

describe('toProjectName', () => {
  it.each<[dir: string | null, name: string]>([
    ['/home/alex/code/shop-frontend', 'shop-frontend'],
    ['/home/alex/code/shop-frontend/', 'shop-frontend'],
    ['C:\\Users\\alex\\api', 'api'],
    ['relative/dir', 'dir'],
    ['/', '/'],
    [null, '?'],
  ])('%s → %s', (dir, name) => {
    expect(toProjectName(dir)).toBe(name);
  });
});
