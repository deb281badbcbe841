import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../src/domain/session-event.js';
import type { Session } from '../../../src/domain/session.js';
import { SESSION_ID, T0, hook, hookEvent, statusEvent, statusLine, toEvents, type Step } from './claude-events.js';
import {
  WORKING,
  metrics,
  mustRun,
  notification,
  permissionBash,
  postBash,
  preBash,
  preCompact,
  preEdit,
  prompt,
  sessionStart,
  stop,
  subagentStart,
  subagentStop,
} from './claude-steps.js';

describe('reduceSession: events out of order never roll the status back', () => {
  const at = (step: Step, ms: number): SessionEvent =>
    'hook' in step ? hookEvent(step.hook, T0 + ms) : statusEvent(step.status, T0 + ms);

  it.each<
    [rule: string, events: readonly SessionEvent[], status: Session['status'], waitingFor: Session['waitingFor']]
  >([
    [
      'a late PreToolUse after Stop stays idle',
      [at(sessionStart, 0), at(prompt, 100), at(stop, 300), at(preBash, 200)],
      'idle',
      null,
    ],
    [
      'a late UserPromptSubmit after Stop stays idle',
      [at(sessionStart, 0), at(stop, 300), at(prompt, 200)],
      'idle',
      null,
    ],
    [
      'a late PostToolUse after PermissionRequest stays waiting',
      [at(prompt, 0), at(permissionBash, 300), at(postBash, 200)],
      'waiting',
      'permission',
    ],
    ['a late Stop after a new prompt stays working', [at(prompt, 0), at(prompt, 300), at(stop, 200)], 'working', null],
    ['a late SessionStart after a prompt stays working', [at(prompt, 300), at(sessionStart, 0)], 'working', null],
    [
      'a late Notification idle_prompt stays working',
      [at(prompt, 300), at(notification('idle_prompt'), 200)],
      'working',
      null,
    ],
    ['a late PreCompact after Stop stays idle', [at(prompt, 0), at(stop, 300), at(preCompact, 200)], 'idle', null],
    [
      'events with the same time apply in arrival order',
      [at(prompt, 0), at(preBash, 100), at(stop, 100)],
      'idle',
      null,
    ],
    [
      'a newer event still applies after a late one',
      [at(prompt, 0), at(stop, 300), at(preBash, 200), at(prompt, 400)],
      'working',
      null,
    ],
    [
      'a status line newer than the status does not move the status clock',
      [at(prompt, 0), at(metrics, 500), at(stop, 300)],
      'idle',
      null,
    ],
  ])('%s', (_rule, events, status, waitingFor) => {
    const s = mustRun(events).session;
    expect([s.status, s.waitingFor]).toEqual([status, waitingFor]);
  });

  it('a late tool report does not replace the current tool', () => {
    const s = mustRun([at(prompt, 0), at(preEdit, 300), at(preBash, 200)]).session;
    expect(s.tool?.name).toBe('Edit');
  });

  it('subagent counts are not subject to ordering (they are counts, not a state)', () => {
    const second: Step = { hook: hook('SubagentStart', { agent_id: 'a2', agent_type: 'Explore' }) };
    const s = mustRun([at(prompt, 500), at(subagentStart, 100), at(second, 200), at(subagentStop, 50)]).session;
    expect(s.subagents).toBe(1);
  });
});

describe('reduceSession: status-line metrics', () => {
  const model = { id: 'claude-sonnet-4-5', display_name: 'Sonnet 4.5' };

  it('SessionStart after the status line keeps its display name for the same model id', () => {
    // Seen with Claude Code 2.1.331: SessionStart names the model by its bare id and may land
    // after the first status line.
    const s = mustRun([statusEvent(statusLine(), T0), ...toEvents([sessionStart], T0 + 100)]).session;
    expect(s.model).toEqual({ id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' });
  });

  it('a status line sets model, context, cost and cwd', () => {
    const payload = statusLine({ workspace: { current_dir: '/w/app/pkg', project_dir: '/w/app' } });
    const s = mustRun([...toEvents(WORKING), statusEvent(payload, T0 + 5000)]).session;
    expect(s.model).toEqual({ id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' });
    expect(s.context).toEqual({ usedTokens: 62_000, windowSize: 200_000, usedPercent: 31 });
    expect(s.cost).toEqual({ totalUsd: 0.19, linesAdded: 3, linesRemoved: 1, durationMs: 1000 });
    expect([s.cwd, s.projectDir, s.project]).toEqual(['/w/app/pkg', '/w/app', 'app']);
  });

  it('a status line for a session never seen creates it idle, with its metrics', () => {
    const s = mustRun([statusEvent(statusLine(), T0)]).session;
    expect([s.status, s.model?.displayName]).toEqual(['idle', 'Sonnet 4.5']);
  });

  it.each<[rule: string, newerMs: number, olderMs: number]>([
    ['a stale metrics report does not overwrite newer metrics', 500, 400],
    ['metrics at the same time apply in arrival order', 500, 500],
  ])('%s', (_rule, firstMs, secondMs) => {
    const newer = statusLine({
      model: { id: 'claude-opus-4-1', display_name: 'Opus 4.1' },
      cost: { total_cost_usd: 2 },
    });
    const older = statusLine({ model, cost: { total_cost_usd: 1 } });
    const s = mustRun([statusEvent(newer, T0 + firstMs), statusEvent(older, T0 + secondMs)]).session;
    expect([s.model?.displayName, s.cost?.totalUsd]).toEqual(
      firstMs === secondMs ? ['Sonnet 4.5', 1] : ['Opus 4.1', 2],
    );
  });

  it('metrics the payload leaves out keep their last value', () => {
    const full = statusLine();
    const modelOnly = { session_id: SESSION_ID, model: { id: 'claude-opus-4-1', display_name: 'Opus 4.1' } };
    const s = mustRun([statusEvent(full, T0), statusEvent(modelOnly, T0 + 100)]).session;
    expect(s.model?.displayName).toBe('Opus 4.1');
    expect(s.context?.usedPercent).toBe(31);
    expect(s.cost?.totalUsd).toBe(0.19);
  });

  it('the window size follows the latest payload (1M-token models)', () => {
    const small = statusLine({ context_window: { context_window_size: 200_000, used_percentage: 50 } });
    const large = statusLine({ context_window: { context_window_size: 1_000_000, used_percentage: 10 } });
    const s = mustRun([statusEvent(small, T0), statusEvent(large, T0 + 100)]).session;
    expect(s.context).toEqual({ usedTokens: 100_000, windowSize: 1_000_000, usedPercent: 10 });
  });

  it('SessionStart takes the model it names, and a later status line refines it', () => {
    const started = mustRun(toEvents([sessionStart])).session;
    expect(started.model).toEqual({ id: 'claude-sonnet-4-5', displayName: 'claude-sonnet-4-5' });
    const refined = mustRun([statusEvent(statusLine(), T0 + 100)], mustRun(toEvents([sessionStart])));
    expect(refined.session.model).toEqual({ id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' });
  });

  it('SessionStart without a model keeps the known one and resets subagents', () => {
    const before = mustRun([statusEvent(statusLine(), T0), ...toEvents([prompt, subagentStart], T0 + 100)]);
    expect(before.session.subagents).toBe(1);
    const s = mustRun([hookEvent(hook('SessionStart', { source: 'clear' }), T0 + 5000)], before).session;
    expect([s.model?.displayName, s.subagents, s.status]).toEqual(['Sonnet 4.5', 0, 'idle']);
  });
});
