import type { Session } from '../../../src/domain/session.js';
import { makeFakeSession, type FakeSessionInput } from '../../../src/tui/dev/fake-sessions.js';
import { update, type Effect, type Message } from '../../../src/tui/update.js';
import { createDashboardState, type DashboardMode, type DashboardState } from '../../../src/tui/view-state.js';

export const NOW = Date.UTC(2025, 0, 1, 12);

export const session = (input: FakeSessionInput): Session => makeFakeSession(input, NOW);

/** A state fed with a snapshot of `sessions`, then the given messages; effects are collected. */
export function stateWith(
  sessions: readonly Session[],
  messages: readonly Message[] = [],
  options: { mode?: DashboardMode; width?: number; height?: number } = {},
): { state: DashboardState; effects: Effect[] } {
  let state = createDashboardState(options.mode ?? 'dashboard', {
    width: options.width ?? 120,
    height: options.height ?? 40,
  });
  const effects: Effect[] = [];
  const snapshot: Message = { type: 'feed', event: { type: 'snapshot', sessions: [...sessions] } };
  for (const message of [snapshot, ...messages]) {
    const transition = update(state, message);
    state = transition.state;
    effects.push(...transition.effects);
  }
  return { state, effects };
}

export function apply(state: DashboardState, ...messages: Message[]): { state: DashboardState; effects: Effect[] } {
  const effects: Effect[] = [];
  let current = state;
  for (const message of messages) {
    const transition = update(current, message);
    current = transition.state;
    effects.push(...transition.effects);
  }
  return { state: current, effects };
}

/** The selected row as a short label: `group:<key>` or the session id. */
export function selectedLabel(state: DashboardState): string | null {
  const selected = state.selected;
  if (selected === null) return null;
  return selected.kind === 'group' ? `group:${selected.group}` : selected.id;
}

/** Three projects: api (waiting + working), web (idle), docs (working). */
export const THREE_PROJECTS: readonly Session[] = [
  session({
    id: 'api-w',
    project: 'api',
    projectDir: '/p/api',
    cwd: '/p/api',
    status: 'waiting',
    waitingFor: 'permission',
    pane: '%1',
  }),
  session({ id: 'api-k', project: 'api', projectDir: '/p/api', cwd: '/p/api/sub', status: 'working', pane: '%2' }),
  session({ id: 'web-i', project: 'web', projectDir: '/p/web', cwd: '/p/web', status: 'idle', pane: '%3' }),
  session({ id: 'doc-k', project: 'docs', projectDir: '/p/docs', cwd: '/p/docs', status: 'working', pane: '%4' }),
];
