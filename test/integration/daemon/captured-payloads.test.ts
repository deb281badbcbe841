import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/built.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { readDaemonLog } from '../../helpers/daemon-log.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';

const ROOT = join(REPO_ROOT, 'test', 'fixtures', 'claude');

/** Real captures: <version>/<scenario>/timeline.json names each payload file in the order Claude Code sent it. */
function scenarios(): string[] {
  const dirs = (dir: string): string[] =>
    existsSync(dir) ? readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()) : [];
  return dirs(ROOT)
    .filter((version) => version !== 'shared')
    .flatMap((version) => dirs(join(ROOT, version)).map((scenario) => join(version, scenario)))
    .filter((scenario) => existsSync(join(ROOT, scenario, 'timeline.json')))
    .sort();
}

type TimelineEntry = { tMs: number; what: string; file?: string };
type State = { status: string; waitingFor: string | null };

const IDLE: State = { status: 'idle', waitingFor: null };
const WORKING: State = { status: 'working', waitingFor: null };

/** docs/STATUS.md, row by row: the state a hook leaves. 'gone': the session is removed. */
function stateAfter(payload: Record<string, unknown>, before: State): State | 'gone' {
  const waiting = (reason: string): State =>
    // While a question or a plan is asked, a permission request keeps that reason.
    reason === 'permission' &&
    before.status === 'waiting' &&
    (before.waitingFor === 'question' || before.waitingFor === 'plan')
      ? before
      : { status: 'waiting', waitingFor: reason };
  switch (payload.hook_event_name) {
    case 'SessionStart':
      return payload.source === 'compact' ? before : IDLE;
    case 'Stop':
    case 'StopFailure':
      return IDLE;
    case 'UserPromptSubmit':
    case 'PostToolUse':
    case 'PostToolUseFailure':
    case 'PreCompact':
      return WORKING;
    case 'PreToolUse':
      if (payload.tool_name === 'AskUserQuestion') return waiting('question');
      return payload.tool_name === 'ExitPlanMode' ? waiting('plan') : WORKING;
    case 'PermissionRequest':
      return waiting('permission');
    case 'Notification':
      if (payload.notification_type === 'idle_prompt') return IDLE;
      if (payload.notification_type === 'permission_prompt') return waiting('permission');
      return payload.notification_type === 'elicitation_dialog' ? waiting('elicitation') : before;
    case 'SessionEnd':
      return 'gone';
    default:
      return before;
  }
}

const found = scenarios();

describe.skipIf(found.length === 0)('payloads captured from real Claude Code, replayed in their order', () => {
  it.each(found)('%s', async (scenario) => {
    await using daemon = await startDaemon();
    const timeline = JSON.parse(readFileSync(join(ROOT, scenario, 'timeline.json'), 'utf8')) as TimelineEntry[];
    const steps = timeline.filter(
      (entry) => entry.file !== undefined && (entry.what === 'statusLine' || entry.what.startsWith('hook: ')),
    );
    expect(steps.length).toBeGreaterThan(0);
    const base = Date.now();
    let state: State = IDLE; // a session atm has not seen starts idle
    for (const step of steps) {
      const bytes = readFileSync(join(ROOT, scenario, step.file ?? ''));
      const payload = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      const id = String(payload.session_id);
      const kind = step.what === 'statusLine' ? 'status' : 'hook';
      // The bytes exactly as captured: atm takes what Claude Code sends, untouched.
      const reply = await sendOneShot(daemon.socketPath, { kind, ts: base + step.tMs, pane: '%1' }, bytes);
      const session = (await listSessions(daemon.socketPath)).find((s) => s.id === id);
      const where = `${scenario}/${step.file}`;
      if (kind === 'status') {
        // A status line answers with a line and updates the model, never the status.
        const model = (payload.model as { display_name?: string } | undefined)?.display_name;
        expect(reply, where).toMatch(/^[^\n]+\n$/);
        expect(reply.startsWith(model ?? 'atm'), where).toBe(true);
        expect(session, where).toMatchObject({ ...state, model: { displayName: model } });
        continue;
      }
      expect(reply, where).toBe('');
      const expected = stateAfter(payload, state);
      if (expected === 'gone') {
        expect(session, where).toBeUndefined();
        state = IDLE;
      } else {
        expect(session, where).toMatchObject(expected);
        state = expected;
      }
    }
    expect(readDaemonLog(daemon.stateDir).filter((r) => r.level === 'error' || r.level === 'warn')).toEqual([]);
  });
});
