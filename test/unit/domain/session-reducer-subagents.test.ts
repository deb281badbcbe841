import { describe, expect, it } from 'vitest';
import { T0, hook, hookEvent } from './claude-events.js';
import { mustRun } from './claude-steps.js';

/** Subagent counting when hooks race (issue 10, defect 21): starts and stops pair by agent_id in either order. */
const start = (agentId?: string) => hook('SubagentStart', agentId === undefined ? {} : { agent_id: agentId });
const stop = (agentId?: string) => hook('SubagentStop', agentId === undefined ? {} : { agent_id: agentId });

describe('reduceSession: subagents', () => {
  it.each<[rule: string, payloads: Record<string, unknown>[], subagents: number]>([
    ['a start then its stop: none left', [start('a'), stop('a')], 0],
    ['defect 21: a stop that overtook its start: none left', [stop('a'), start('a')], 0],
    ['two running, one stops: one left', [start('a'), start('b'), stop('a')], 1],
    ['two overtaken stops and their starts: none left', [stop('a'), stop('b'), start('b'), start('a')], 0],
    ['a start repeated (a re-sent hook) counts once', [start('a'), start('a')], 1],
    ['a stop with no start at all (compaction agent) counts nothing', [start('a'), stop('z')], 1],
    ['without ids: a plain count', [start(), start(), stop()], 1],
    ['without ids: never below 0', [stop(), start()], 1],
    ['SessionStart forgets every subagent', [start('a'), stop('b'), hook('SessionStart'), start('b')], 1],
  ])('%s', (_rule, payloads, subagents) => {
    const events = [hook('UserPromptSubmit'), ...payloads].map((p, i) => hookEvent(p, T0 + i));
    expect(mustRun(events).session.subagents).toBe(subagents);
  });

  it('remembers a bounded number of ids: a flood of unpaired stops does not grow the entry', () => {
    const events = Array.from({ length: 500 }, (_, i) => hookEvent(stop(`x${i}`), T0 + i));
    const entry = mustRun(events);
    expect(entry.earlyStops?.length).toBeLessThanOrEqual(64);
    expect(entry.session.subagents).toBe(0);
  });
});
