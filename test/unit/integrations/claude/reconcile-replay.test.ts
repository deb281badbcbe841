import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../../src/domain/session-event.js';
import { reduceSession, type SessionEntry } from '../../../../src/domain/session-reducer.js';
import { reconcileSession } from '../../../../src/integrations/claude/reconcile-rules.js';
import { parseSessionsFile, type SessionsFile } from '../../../../src/integrations/claude/sessions-file.js';
import { hookEvent } from '../../domain/claude-events.js';
import { CAPTURES } from './reconcile-helpers.js';

/**
 * Replays each captured 2.1.331 scenario as atmd lives it: hooks reduced in the order they
 * arrived, and at every moment the harness saw the sessions file change, one reconciliation
 * round with that file. The timeline gives harness milliseconds; the sessions file gives epoch
 * ms, so hooks are dated on the file's clock (offset from the snapshots, minus a small lag for
 * the time a hook takes to be captured).
 */
interface Step {
  readonly tMs: number;
  readonly what: string;
  readonly file?: string;
}
interface Moment {
  readonly step: Step;
  readonly status: string;
  readonly waitingFor: string | null;
  readonly tool: string | null;
}

const HOOK_LAG_MS = 20;
const scenarios = readdirSync(CAPTURES).filter((name) => existsSync(join(CAPTURES, name, 'timeline.json')));
const read = (scenario: string, file: string): string => readFileSync(join(CAPTURES, scenario, file), 'utf8');
const isSessionsFile = (step: Step): step is Step & { file: string } =>
  step.file?.startsWith('sessions-file-') ?? false;

function replay(scenario: string, reconcile: boolean): Moment[] {
  const steps = JSON.parse(read(scenario, 'timeline.json')) as Step[];
  const files = new Map<string, SessionsFile | null>();
  for (const step of steps.filter(isSessionsFile)) files.set(step.file, parseSessionsFile(read(scenario, step.file)));
  // The smallest lag between Claude writing the file and the harness seeing it gives the offset.
  const offset = Math.max(
    ...steps.filter(isSessionsFile).map((step) => (files.get(step.file)?.statusUpdatedAt ?? -Infinity) - step.tMs),
  );
  const pid = [...files.values()].find((file) => file?.pid !== undefined)?.pid ?? 4242;
  let entry: SessionEntry | undefined;
  const moments: Moment[] = [];
  for (const step of steps) {
    const nowMs = offset + step.tMs;
    if (step.what.startsWith('hook:') && step.file !== undefined) {
      entry =
        reduceSession(
          entry,
          hookEvent(JSON.parse(read(scenario, step.file)), nowMs - HOOK_LAG_MS, { pid, pane: '%0' }),
        ) ?? undefined;
    } else if (reconcile && entry !== undefined && isSessionsFile(step)) {
      const result = reconcileSession({
        entry: { ...entry, pidStart: null },
        sessionsFile: files.get(step.file) ?? null,
        transcript: null,
        nowMs,
      });
      // As the daemon's reconciler builds it: no identity, only the change and its time.
      const event: SessionEvent | null =
        result === null
          ? null
          : {
              ...hookEvent({ session_id: entry.session.id }, result.at),
              pid: null,
              pane: null,
              cwd: null,
              transcriptPath: null,
              change: result.change,
            };
      if (event !== null) entry = reduceSession(entry, event) ?? undefined;
    }
    const s = entry?.session;
    moments.push({ step, status: s?.status ?? 'gone', waitingFor: s?.waitingFor ?? null, tool: s?.tool?.name ?? null });
  }
  return moments;
}

const momentAfter = (moments: Moment[], what: RegExp, then: RegExp): Moment | undefined => {
  const start = moments.findIndex((m) => what.test(m.step.what));
  return start === -1 ? undefined : moments.slice(start + 1).find((m) => then.test(m.step.what));
};

describe('replaying the captured Claude Code 2.1.331 scenarios', () => {
  it('has scenarios to replay', () => {
    expect(scenarios).toContain('esc-long-tool');
  });

  it.each(scenarios)('%s: every session reads idle by the time Claude is idle and the user leaves', (scenario) => {
    const moments = replay(scenario, true);
    const leaving = moments.filter((m) => m.status !== 'gone').at(-1);
    expect(leaving?.status).toBe('idle');
  });

  it('esc-long-tool: Esc during the approved tool reads idle as soon as the sessions file says so', () => {
    const after = momentAfter(replay('esc-long-tool', true), /keys:Escape/, /^sessions file: idle/);
    expect(after).toMatchObject({ status: 'idle', waitingFor: null, tool: null });
    // Without reconciliation no hook tells: the session would stay as the dialog left it.
    const stuck = momentAfter(replay('esc-long-tool', false), /keys:Escape/, /^sessions file: idle/);
    expect(stuck?.status).not.toBe('idle');
  });

  it.each(['esc-long-tool', 'bash-permission'])(
    '%s: approving the dialog reads working at once, the tool kept',
    (scenario) => {
      const moments = replay(scenario, true);
      const approved = momentAfter(moments, /keys:approve/, /^sessions file: busy/);
      expect(approved).toMatchObject({ status: 'working', waitingFor: null, tool: 'Bash' });
    },
  );

  it('ask-user-question: the vaguer "input needed" never replaces our "question"', () => {
    const moments = replay('ask-user-question', true);
    const asked = moments.find((m) => /^sessions file: waiting/.test(m.step.what));
    expect(asked).toMatchObject({ status: 'waiting', waitingFor: 'question', tool: 'AskUserQuestion' });
  });
});
