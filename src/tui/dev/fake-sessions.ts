import type { PaneId, SessionId } from '../../domain/ids.js';
import type { Session } from '../../domain/session.js';

/** Overrides for a fake session; `id` and `pane` take plain strings for brevity. */
export type FakeSessionInput = Partial<Omit<Session, 'id'>> & { readonly id: string; readonly pane?: string | null };

/**
 * A complete, valid-looking session for tests, benches and the fake dashboard. Times are relative
 * to `nowMs` so "how long ago" columns read sensibly.
 */
export function makeFakeSession(input: FakeSessionInput, nowMs = Date.UTC(2025, 0, 1, 12)): Session {
  const { id, pane = '%1', ...rest } = input;
  const iso = (agoMs: number): string => new Date(nowMs - agoMs).toISOString();
  return {
    id: id as SessionId,
    agent: 'claude-code',
    status: 'idle',
    waitingFor: null,
    tool: null,
    model: { id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' },
    context: { usedTokens: 50_000, windowSize: 200_000, usedPercent: 25 },
    cost: { totalUsd: 1.25, linesAdded: 10, linesRemoved: 2, durationMs: 600_000 },
    cwd: '/home/dev/src/app',
    projectDir: '/home/dev/src/app',
    project: 'app',
    branch: 'main',
    pid: 4242,
    tmux: pane === null ? null : { pane: pane as PaneId, session: 'work', window: '1', server: null },
    startedAt: iso(3_600_000),
    lastEventAt: iso(30_000),
    subagents: 0,
    host: 'local',
    ...rest,
  };
}

/** A varied set: every status, wide and combining characters, a hostile cwd, several projects. */
export function makeDemoSessions(nowMs: number): Session[] {
  const at = (agoMs: number): string => new Date(nowMs - agoMs).toISOString();
  const make = (input: FakeSessionInput): Session => makeFakeSession(input, nowMs);
  return [
    make({
      id: 'api-1',
      pane: '%11',
      project: 'api',
      projectDir: '/home/dev/src/api',
      cwd: '/home/dev/src/api',
      status: 'waiting',
      waitingFor: 'permission',
      tool: { name: 'Bash', startedAt: at(95_000), summary: 'rm -rf build && npm run build' },
      context: { usedTokens: 150_000, windowSize: 200_000, usedPercent: 75 },
      cost: { totalUsd: 3.4, linesAdded: 120, linesRemoved: 30, durationMs: 1_800_000 },
    }),
    make({
      id: 'api-2',
      pane: '%12',
      project: 'api',
      projectDir: '/home/dev/src/api',
      cwd: '/home/dev/src/api/packages/db',
      status: 'working',
      tool: { name: 'Edit', startedAt: at(4_000), summary: 'src/schema.ts' },
      model: { id: 'claude-opus-4-1', displayName: 'Opus 4.1' },
      context: { usedTokens: 188_000, windowSize: 200_000, usedPercent: 94 },
      cost: { totalUsd: 12.8, linesAdded: 400, linesRemoved: 12, durationMs: 5_400_000 },
    }),
    make({
      id: 'web-1',
      pane: '%21',
      project: 'web',
      projectDir: '/home/dev/src/web',
      cwd: '/home/dev/src/web',
      status: 'idle',
      lastEventAt: at(600_000),
      cost: { totalUsd: 0.42, linesAdded: 5, linesRemoved: 1, durationMs: 120_000 },
    }),
    make({
      id: 'cjk-1',
      pane: '%31',
      project: '日本語プロジェクト',
      projectDir: '/home/dev/src/日本語プロジェクト',
      cwd: '/home/dev/src/日本語プロジェクト',
      status: 'working',
      tool: { name: 'Read', startedAt: at(2_000), summary: 'ドキュメント/説明.md 🚀' },
    }),
    make({
      id: 'cafe-1',
      pane: '%41',
      project: 'cafe\u0301',
      projectDir: '/home/dev/src/cafe\u0301',
      cwd: '/home/dev/src/cafe\u0301',
      status: 'waiting',
      waitingFor: 'question',
      context: null,
      cost: null,
    }),
    make({
      id: 'evil-1',
      pane: '%51',
      project: 'evil\x1b]0;pwned\x07',
      projectDir: '/tmp/evil',
      cwd: '/tmp/\x1b[2J\x1b[31mevil\u009b31m',
      status: 'working',
      tool: { name: 'Bash', startedAt: at(1_000), summary: 'echo \x1b]0;pwned\x07 \x1b[2J' },
    }),
    make({
      id: 'shop-1',
      pane: '%61',
      project: 'shop-frontend',
      projectDir: '/home/dev/src/shop-frontend',
      cwd: '/home/dev/src/shop-frontend',
      branch: 'feature/checkout-redesign',
      status: 'working',
      tool: { name: 'Bash', startedAt: at(12_000), summary: 'npm test -- --run checkout' },
      model: { id: 'claude-opus-4-5', displayName: 'Opus 4.5 (1M context)' },
      tmux: { pane: '%61' as PaneId, session: 'work', window: 'frontend-checkout', server: null },
    }),
    make({
      id: 'notmux-1',
      pane: null,
      project: 'scratch',
      projectDir: '/home/dev/scratch',
      cwd: '/home/dev/scratch',
      status: 'idle',
      model: null,
      lastEventAt: at(7_200_000),
    }),
  ];
}
