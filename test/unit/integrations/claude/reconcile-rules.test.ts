import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../../src/domain/session-event.js';
import { reduceSession } from '../../../../src/domain/session-reducer.js';
import {
  INTERRUPT_SLACK_MS,
  MAX_FUTURE_MS,
  reconcileSession,
  toWaitingFor,
  type ReconcileInput,
  type Reconciliation,
} from '../../../../src/integrations/claude/reconcile-rules.js';
import type { SessionsFile } from '../../../../src/integrations/claude/sessions-file.js';
import { entry, sessionsFile, SID, T0, type EntryShape } from './reconcile-helpers.js';

const NOW = T0 + 10_000;
const WORKING: EntryShape = { status: 'working', statusAt: T0 };
const BASH = { name: 'Bash', startedAt: new Date(T0).toISOString(), summary: 'sleep 60' };
const PERMISSION: EntryShape = { status: 'waiting', waitingFor: 'permission', tool: BASH, statusAt: T0 };
const QUESTION: EntryShape = { status: 'waiting', waitingFor: 'question', statusAt: T0 };
const IDLE: EntryShape = { status: 'idle', statusAt: T0 };

const esc = (atMs: number | null, modifiedAtMs = T0 + 5_000): ReconcileInput['transcript'] => ({
  interrupt: { atMs },
  modifiedAtMs,
});
const noInterrupt: ReconcileInput['transcript'] = { interrupt: null, modifiedAtMs: T0 + 5_000 };

const fromFile = (change: Reconciliation['change'], at: number): Reconciliation => ({
  change,
  at,
  source: 'sessions-file',
});
const fromTranscript = (at: number): Reconciliation => ({ change: { type: 'idle' }, at, source: 'transcript' });
const IDLE_CHANGE = { type: 'idle' } as const;

describe('reconcileSession', () => {
  it.each<
    [
      rule: string,
      state: EntryShape,
      file: SessionsFile | null,
      transcript: ReconcileInput['transcript'],
      expected: Reconciliation | null,
    ]
  >([
    // The sessions file (Claude Code ≥ 2.1.x writes its own status there).
    [
      'file idle, newer than our status: idle at the file time',
      WORKING,
      sessionsFile('idle', T0 + 500),
      null,
      fromFile(IDLE_CHANGE, T0 + 500),
    ],
    ['file idle, older than our status: ours stands', WORKING, sessionsFile('idle', T0 - 1), null, null],
    ['file idle, as old as our status: ours stands', WORKING, sessionsFile('idle', T0), null, null],
    ['file busy while we work: nothing to do', WORKING, sessionsFile('busy', T0 + 500), null, null],
    [
      'file busy after a permission dialog: approved, working (tool kept by the reducer)',
      PERMISSION,
      sessionsFile('busy', T0 + 500),
      null,
      fromFile({ type: 'working' }, T0 + 500),
    ],
    [
      'file idle while a permission dialog was open: Esc on the dialog',
      PERMISSION,
      sessionsFile('idle', T0 + 500),
      null,
      fromFile(IDLE_CHANGE, T0 + 500),
    ],
    [
      'file waiting while we wait for a question: our reason is more precise',
      QUESTION,
      sessionsFile('waiting', T0 + 500, { waitingFor: 'input needed' }),
      null,
      null,
    ],
    [
      'file waiting for a permission prompt while we work',
      WORKING,
      sessionsFile('waiting', T0 + 500, { waitingFor: 'permission prompt' }),
      null,
      fromFile({ type: 'waiting', reason: 'permission', tool: null, summary: null }, T0 + 500),
    ],
    [
      'file waiting for input while we work',
      WORKING,
      sessionsFile('waiting', T0 + 500, { waitingFor: 'input needed' }),
      null,
      fromFile({ type: 'waiting', reason: 'question', tool: null, summary: null }, T0 + 500),
    ],
    ['an idle session is never reconciled', IDLE, sessionsFile('busy', T0 + 500), esc(T0 + 600), null],
    ['a file of another process (pid reused)', WORKING, sessionsFile('idle', T0 + 500, { pid: 999 }), null, null],
    [
      'a file of another session of the process (/clear)',
      WORKING,
      sessionsFile('idle', T0 + 500, { sessionId: 'other' }),
      null,
      null,
    ],
    [
      'a file left by a dead process with our pid (start time differs)',
      WORKING,
      sessionsFile('idle', T0 + 500, { procStart: '1' }),
      null,
      null,
    ],
    [
      'a file without pid, session or start time still counts',
      WORKING,
      sessionsFile('idle', T0 + 500, { pid: undefined, sessionId: undefined, procStart: undefined }),
      null,
      fromFile(IDLE_CHANGE, T0 + 500),
    ],
    [
      'a start time we cannot compare (not Linux ticks) is not held against it',
      { ...WORKING, pidStart: 'Mon Nov 24 12:00:00 2026' },
      sessionsFile('idle', T0 + 500),
      null,
      fromFile(IDLE_CHANGE, T0 + 500),
    ],
    ['an unknown status says nothing', WORKING, sessionsFile('thinking', T0 + 500), null, null],
    [
      'no status at all (older Claude) says nothing',
      WORKING,
      sessionsFile('idle', T0 + 500, { status: undefined }),
      null,
      null,
    ],
    [
      'no statusUpdatedAt: updatedAt dates it',
      WORKING,
      sessionsFile('idle', T0 + 500, { statusUpdatedAt: undefined }),
      null,
      fromFile(IDLE_CHANGE, T0 + 500),
    ],
    [
      'no date at all: not trusted',
      WORKING,
      sessionsFile('idle', T0 + 500, { statusUpdatedAt: undefined, updatedAt: undefined }),
      null,
      null,
    ],
    [
      'dated far in the future: not trusted (it would outrank every hook)',
      WORKING,
      sessionsFile('idle', NOW + MAX_FUTURE_MS + 1),
      null,
      null,
    ],
    [
      'dated a little ahead (clock jitter): clamped to now',
      WORKING,
      sessionsFile('idle', NOW + 100),
      null,
      fromFile(IDLE_CHANGE, NOW),
    ],
    // The transcript (every version writes the interrupt marker).
    [
      'Esc after our last status, no sessions file: idle at the marker',
      WORKING,
      null,
      esc(T0 + 3_000),
      fromTranscript(T0 + 3_000),
    ],
    ['Esc on a permission dialog: idle', PERMISSION, null, esc(T0 + 3_000), fromTranscript(T0 + 3_000)],
    [
      'a marker from before our last status (a new prompt since): nothing',
      WORKING,
      null,
      esc(T0 - INTERRUPT_SLACK_MS - 1),
      null,
    ],
    [
      'a marker just before our last status (clocks disagree): idle, ordered at our status',
      WORKING,
      null,
      esc(T0 - 200),
      fromTranscript(T0),
    ],
    [
      'a marker without a timestamp is dated by the file mtime',
      WORKING,
      null,
      esc(null, T0 + 4_000),
      fromTranscript(T0 + 4_000),
    ],
    ['a marker dated in the future is dated now', WORKING, null, esc(NOW + 60_000), fromTranscript(NOW)],
    ['no marker: nothing', WORKING, null, noInterrupt, null],
    ['no transcript: nothing', WORKING, null, null, null],
    // Both witnesses: the newer speaks.
    [
      'file busy newer than the marker: Claude went on after the Esc',
      WORKING,
      sessionsFile('busy', T0 + 4_000),
      esc(T0 + 3_000),
      null,
    ],
    [
      'file busy older than the marker (not rewritten yet): the marker wins',
      WORKING,
      sessionsFile('busy', T0 + 2_000),
      esc(T0 + 3_000),
      fromTranscript(T0 + 3_000),
    ],
    [
      'file idle newer than the marker: idle at the file time',
      WORKING,
      sessionsFile('idle', T0 + 3_200),
      esc(T0 + 3_000),
      fromFile(IDLE_CHANGE, T0 + 3_200),
    ],
    [
      'file older than our status and marker older still: nothing',
      WORKING,
      sessionsFile('busy', T0 - 100),
      esc(T0 - 5_000),
      null,
    ],
  ])('%s', (_rule, state, file, transcript, expected) => {
    expect(reconcileSession({ entry: entry(state), sessionsFile: file, transcript, nowMs: NOW })).toEqual(expected);
  });

  it.each([
    ['permission prompt', 'permission'],
    ['Permission needed', 'permission'],
    ['input needed', 'question'],
    ['plan approval', 'plan'],
    ['MCP elicitation', 'elicitation'],
    [undefined, 'question'],
  ] as const)('reads the waiting reason %j as %s', (text, reason) => {
    expect(toWaitingFor(text)).toBe(reason);
  });
});

describe('a reconciled change is an ordinary event: hooks around it keep their order', () => {
  const hook = (type: 'prompt' | 'tool-finished', at: number): SessionEvent => ({
    sessionId: SID,
    agent: 'claude-code',
    at,
    pid: null,
    pane: null,
    cwd: null,
    projectDir: null,
    transcriptPath: null,
    change: { type },
  });
  const reconciled = (result: Reconciliation): SessionEvent => ({
    ...hook('prompt', result.at),
    change: result.change,
  });
  const afterEsc = (): ReturnType<typeof reduceSession> => {
    const result = reconcileSession({
      entry: entry(WORKING),
      sessionsFile: sessionsFile('idle', T0 + 3_000),
      transcript: null,
      nowMs: NOW,
    });
    if (result === null) throw new Error('expected a reconciliation');
    return reduceSession(entry(WORKING), reconciled(result));
  };

  it('an older hook arriving late does not undo it', () => {
    const late = reduceSession(afterEsc() ?? undefined, hook('tool-finished', T0 + 2_000));
    expect(late?.session.status).toBe('idle');
  });

  it('a newer hook (the next prompt) wins', () => {
    const next = reduceSession(afterEsc() ?? undefined, hook('prompt', T0 + 3_001));
    expect(next?.session.status).toBe('working');
  });
});
