import { appendFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import type { Session } from '../../domain/session.js';
import { SYSTEM_CLOCK } from '../clock.js';
import type { Jumper } from '../jumper.js';
import type { FeedEvent } from '../session-source.js';
import { runDashboard } from '../run-dashboard.js';
import { makeDemoSessions, makeFakeSession } from './fake-sessions.js';
import { createScriptedSource, type ScriptStep } from './scripted-source.js';

/**
 * Try the dashboard by eye, or drive it from an end-to-end test, with no daemon:
 *
 *   node dist/tui/dev/fake-dashboard.js [--pick] [--demo] [--sessions N] [--jump-log FILE]
 *
 * --demo       sessions change every 2 s, and the daemon "drops" for 4 s after 8 s
 * --sessions N adds N generated sessions (scrolling, 100-session feel)
 * --jump-log   appends each pane Enter jumps to (one per line) instead of calling tmux
 *
 * Built to dist/ with the rest of src so tests can run it with plain `node` (no tsx here).
 */
const { values } = parseArgs({
  options: {
    pick: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    sessions: { type: 'string', default: '0' },
    'jump-log': { type: 'string' },
  },
});

const now = SYSTEM_CLOCK.now();
const extra = Array.from({ length: Number(values.sessions) || 0 }, (_, i) =>
  makeFakeSession(
    {
      id: `gen-${i}`,
      pane: `%${100 + i}`,
      project: `proj-${i % 12}`,
      projectDir: `/home/dev/src/proj-${i % 12}`,
      cwd: `/home/dev/src/proj-${i % 12}`,
      status: (['working', 'waiting', 'idle'] as const)[i % 3],
    },
    now,
  ),
);
const sessions: Session[] = [...makeDemoSessions(now), ...extra];

let tick = 0;
/** One session changes per step: status, tool, cost, context, as a live agent would. */
function nextUpdate(): FeedEvent {
  tick += 1;
  const base = sessions[tick % sessions.length] ?? sessions[0];
  if (base === undefined) return { type: 'update', upsert: [], remove: [] };
  const at = new Date(SYSTEM_CLOCK.now()).toISOString();
  const status = (['working', 'waiting', 'idle'] as const)[tick % 3] ?? 'idle';
  const updated: Session = {
    ...base,
    status,
    waitingFor: status === 'waiting' ? 'permission' : null,
    tool: status === 'idle' ? null : { name: 'Bash', startedAt: at, summary: `npm test -- step ${tick}` },
    lastEventAt: at,
    cost: base.cost && { ...base.cost, totalUsd: base.cost.totalUsd + 0.05 },
    context: base.context && { ...base.context, usedPercent: (base.context.usedPercent + 7) % 100 },
  };
  sessions.splice(sessions.indexOf(base), 1, updated);
  return { type: 'update', upsert: [updated], remove: [] };
}

const script: ScriptStep[] = [
  { afterMs: 0, event: { type: 'connecting' } },
  { afterMs: 200, event: () => ({ type: 'snapshot', sessions: [...sessions] }) },
];
if (values.demo) {
  script.push(
    ...Array.from({ length: 4 }, () => ({ afterMs: 2000, event: nextUpdate })),
    { afterMs: 0, event: () => ({ type: 'disconnected', reason: 'demo', retryAt: SYSTEM_CLOCK.now() + 4000 }) },
    { afterMs: 4000, event: { type: 'connecting' } },
    { afterMs: 300, event: () => ({ type: 'snapshot', sessions: [...sessions] }) },
  );
}
const source = createScriptedSource(script, values.demo ? { afterMs: 2000, event: nextUpdate } : undefined);

const jumpLog = values['jump-log'];
const jumper: Jumper = {
  async jumpTo({ pane }) {
    if (jumpLog !== undefined) await appendFile(jumpLog, `${pane}\n`);
    return { kind: 'switched' };
  },
};

process.exitCode = await runDashboard({
  source,
  jumper,
  clock: SYSTEM_CLOCK,
  mode: values.pick ? 'pick' : 'dashboard',
  homeDir: homedir(),
});
