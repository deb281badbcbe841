#!/usr/bin/env node
/**
 * Dashboard rendering with 100 sessions at 120x40, from dist/:
 * - time per frame: `renderDashboard` alone, then render + terminal-kit's delta draw (what the
 *   dashboard does), next to render + a full redraw of the same frame (the baseline);
 * - bytes written to the terminal for one session's metrics update (context, cost), for one
 *   session's status change, and for the 1 s tick (clock, "ago" column), delta against full;
 * - idle CPU of the real `atm` (a real atmd holding 100 sessions, the dashboard in a private tmux
 *   server), next to a bare Node process with a 1 s timer over the same window.
 * Frames are drawn into a counting terminal (src/tui/dev/counting-tty.ts), through the real
 * terminal-kit adapter. The baseline is that same adapter with terminal-kit's
 * `ScreenBuffer#draw` forced to `delta: false`: same frame, same code, only the delta differs.
 * Each run reports p50 and p99 over its frames; the table shows the median of the runs.
 * Usage: node bench/tui-render.mjs [--runs N] [--quick]
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBenchArgs } from './lib/args.mjs';
import { ingestLine, sessionIdFor, sessionStartPayload, statusPayload, toolHookPayload } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { readCpuMs, startAtmd } from './lib/servers.mjs';
import { formatRatio, formatRuns, percentile } from './lib/stats.mjs';
import { openSession, pipelineRequests } from './lib/wire.mjs';

const DIST = join(import.meta.dirname, '..', 'dist');
const ATM_BIN = join(DIST, 'cli', 'main.js');
const SIZE = { width: 120, height: 40 };
const SESSIONS = 100;
const PROJECTS = 12;
const STATUSES = /** @type {const} */ (['working', 'waiting', 'idle']);
/** A fixed instant: frames must differ only by what a scenario changes, never by the wall clock. */
const START_MS = Date.UTC(2025, 0, 1, 12);

/** The built modules; a friendly error when dist/ is missing. */
async function loadDist() {
  if (!existsSync(ATM_BIN)) throw new Error(`${ATM_BIN} is missing: run \`npm run build\` first`);
  const load = (/** @type {string} */ path) => import(join(DIST, path));
  const [render, screen, tty, fake, viewState, update, viewModel, termkit] = await Promise.all([
    load('tui/render-dashboard.js'),
    load('tui/terminal-kit-screen.js'),
    load('tui/dev/counting-tty.js'),
    load('tui/dev/fake-sessions.js'),
    load('tui/view-state.js'),
    load('tui/update.js'),
    load('tui/view-model.js'),
    import('terminal-kit'),
  ]);
  return {
    renderDashboard: render.renderDashboard,
    createTerminalKitScreen: screen.createTerminalKitScreen,
    createCountingTty: tty.createCountingTty,
    makeFakeSession: fake.makeFakeSession,
    createDashboardState: viewState.createDashboardState,
    update: update.update,
    toDashboardView: viewModel.toDashboardView,
    ScreenBuffer: termkit.default.ScreenBuffer,
  };
}

/** @typedef {Awaited<ReturnType<typeof loadDist>>} Dist */

/**
 * Forces full redraws while `forcing` is set, for the baseline screen only (draws are synchronous).
 * @param {Dist['ScreenBuffer']} ScreenBuffer
 */
function patchFullRedraw(ScreenBuffer) {
  const draw = ScreenBuffer.prototype.draw;
  const control = { forcing: false };
  ScreenBuffer.prototype.draw = function drawMaybeFull(/** @type {object} */ options = {}) {
    return draw.call(this, control.forcing ? { ...options, delta: false } : options);
  };
  return control;
}

/**
 * 100 varied sessions over 12 projects: every status, context and cost filled, last activity from
 * seconds to hours ago (so the tick changes some "ago" cells, not all).
 * @param {Dist} dist
 */
function makeSessions(dist) {
  const iso = (/** @type {number} */ agoMs) => new Date(START_MS - agoMs).toISOString();
  return Array.from({ length: SESSIONS }, (_, i) => {
    const status = STATUSES[i % 3];
    const project = `proj-${i % PROJECTS}`;
    return dist.makeFakeSession(
      {
        id: `bench-${i}`,
        pane: `%${100 + i}`,
        project,
        projectDir: `/home/dev/src/${project}`,
        cwd: `/home/dev/src/${project}/pkg-${i}`,
        status,
        waitingFor: status === 'waiting' ? 'permission' : null,
        tool:
          status === 'idle' ? null : { name: 'Bash', startedAt: iso(i * 7_000), summary: `npm test -- --shard ${i}` },
        context: { usedTokens: ((i * 7) % 100) * 2_000, windowSize: 200_000, usedPercent: (i * 7) % 100 },
        cost: { totalUsd: i * 0.37, linesAdded: i * 3, linesRemoved: i, durationMs: i * 60_000 },
        lastEventAt: iso(i * 37_000),
      },
      START_MS,
    );
  });
}

/**
 * @typedef {object} Scenario
 * @property {string} label
 * @property {(session: any, i: number) => any} [change] a new version of one visible session
 * @property {boolean} [tick] advance the clock by 1 s instead
 * @property {'status' | 'context'} [sort] the table's sort (default: status, the dashboard's)
 */

/** @type {Scenario[]} */
const SCENARIOS = [
  {
    label: "one session's metrics update",
    change: (s, i) => ({
      ...s,
      context: { ...s.context, usedPercent: (s.context.usedPercent + 1 + (i % 3)) % 100 },
      cost: { ...s.cost, totalUsd: s.cost.totalUsd + 0.0123 },
    }),
  },
  {
    label: "one session's status change (re-sorts its group)",
    change: (s, i) => {
      const status = STATUSES[(STATUSES.indexOf(s.status) + 1) % 3];
      const at = new Date(START_MS + i).toISOString();
      return {
        ...s,
        status,
        waitingFor: status === 'waiting' ? 'permission' : null,
        tool: status === 'idle' ? null : { name: 'Bash', startedAt: at, summary: `npm run build -- step ${i}` },
        lastEventAt: at,
      };
    },
  },
  { label: '1 s tick (clock, "ago")', tick: true },
];
// The same status change under a sort it does not affect: the row stays where it is.
SCENARIOS.splice(2, 0, {
  ...SCENARIOS[1],
  label: "one session's status change (sort: context, row stays)",
  sort: 'context',
});

/**
 * Two counting terminals, each behind the real terminal-kit adapter: one draws with delta (as the
 * dashboard does), the other is forced to full redraws. Made once: every terminal-kit terminal
 * adds process exit listeners.
 * @param {Dist} dist
 */
function createScreens(dist) {
  const ttys = [dist.createCountingTty(SIZE), dist.createCountingTty(SIZE)];
  const [delta, full] = ttys.map((tty) => dist.createTerminalKitScreen({ streams: tty }));
  return { delta, full, deltaTty: ttys[0], fullTty: ttys[1] };
}

/**
 * One run of one scenario: `frames` changes, each rendered once and drawn into both screens.
 * @param {Dist} dist
 * @param {ReturnType<typeof createScreens>} screens
 * @param {{ forcing: boolean }} full
 * @param {Scenario} scenario
 * @param {number} frames
 */
function runScenario(dist, screens, full, scenario, frames) {
  // The sort is set before the snapshot, so the selection and scroll settle under it.
  let state = { ...dist.createDashboardState('dashboard', SIZE, '/home/dev'), sort: scenario.sort ?? 'status' };
  state = dist.update(state, { type: 'feed', event: { type: 'snapshot', sessions: makeSessions(dist) } }).state;
  let nowMs = START_MS;
  const { delta: deltaScreen, full: fullScreen } = screens;
  const ttys = [screens.deltaTty, screens.fullTty];
  const first = dist.renderDashboard(state, nowMs);
  deltaScreen.draw(first);
  fullScreen.draw(first);
  ttys.forEach((tty) => tty.take());
  /** Sessions on screen now: a status change re-sorts the table, so this is asked every frame. */
  const visible = () =>
    dist
      .toDashboardView(state, nowMs)
      .rows.flatMap((/** @type {any} */ r) => (r.row.kind === 'session' ? [r.row.session.id] : []));
  /** @type {Record<'renderMs' | 'deltaMs' | 'fullMs' | 'deltaBytes' | 'fullBytes', number[]>} */
  const m = { renderMs: [], deltaMs: [], fullMs: [], deltaBytes: [], fullBytes: [] };
  for (let i = 0; i < frames; i += 1) {
    if (scenario.tick) nowMs += 1_000;
    else {
      const ids = visible();
      const session = state.sessions.get(ids[i % ids.length]);
      const event = { type: 'update', upsert: [scenario.change?.(session, i)], remove: [] };
      state = dist.update(state, { type: 'feed', event }).state;
    }
    const t0 = performance.now();
    const frame = dist.renderDashboard(state, nowMs);
    const t1 = performance.now();
    deltaScreen.draw(frame);
    const t2 = performance.now();
    full.forcing = true;
    fullScreen.draw(frame);
    full.forcing = false;
    const t3 = performance.now();
    m.renderMs.push(t1 - t0);
    m.deltaMs.push(t2 - t0);
    m.fullMs.push(t1 - t0 + (t3 - t2));
    m.deltaBytes.push(ttys[0].take().length);
    m.fullBytes.push(ttys[1].take().length);
  }
  return m;
}

/**
 * Idle CPU of the real dashboard: atmd gets 100 sessions (a third each working, waiting, idle),
 * `atm dashboard --no-start` runs in a private tmux server at 120x40, and once it shows all 100,
 * its CPU time (and a bare Node process's) is read over `windowMs`. Null without tmux or /proc
 * (CPU times come from /proc/<pid>/stat).
 * @param {number} windowMs
 * @returns {Promise<{ atmMsPerS: number, nodeMsPerS: number } | null>}
 */
async function measureIdleCpu(windowMs) {
  if (spawnSync('tmux', ['-V']).status !== 0 || !existsSync('/proc/self/stat')) return null;
  const atmd = await startAtmd({ maxSessions: 1_000 });
  // A socket of our own (-S) in a temp dir, rather than -L: removing the dir is the whole cleanup,
  // even when the server died on its own (tmux 3.3 leaves its socket file behind).
  const tmuxDir = mkdtempSync('/tmp/atmb-');
  const tmux = (/** @type {string[]} */ ...args) =>
    execFileSync('tmux', ['-u', '-S', join(tmuxDir, 'tmux.sock'), '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      env: { ...process.env, TMUX: undefined, LANG: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trimEnd();
  /** @type {import('node:child_process').ChildProcess | null} */
  let bare = null;
  const killTmux = () => {
    spawnSync('tmux', ['-S', join(tmuxDir, 'tmux.sock'), 'kill-server']);
    rmSync(tmuxDir, { recursive: true, force: true });
  };
  process.once('exit', killTmux);
  try {
    await fillDaemon(atmd);
    const env = `ATM_SOCKET=${atmd.socketPath}`;
    tmux(
      'new-session',
      '-d',
      '-x',
      '120',
      '-y',
      '40',
      'env',
      env,
      process.execPath,
      ATM_BIN,
      'dashboard',
      '--no-start',
    );
    const pid = Number(tmux('display-message', '-p', '#{pane_pid}'));
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.js'))
      throw new Error(`pane pid ${pid} is not atm`);
    await waitFor(() => headerCount(tmux('capture-pane', '-p')) === SESSIONS, 'the dashboard to show 100 sessions');
    bare = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // past start-up work (JIT, first GC)
    const bareStart = readCpuMs(/** @type {number} */ (bare.pid));
    const atmStart = readCpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const perS = (/** @type {number} */ ms) => (ms * 1000) / windowMs;
    return {
      atmMsPerS: perS(readCpuMs(pid) - atmStart),
      nodeMsPerS: perS(readCpuMs(/** @type {number} */ (bare.pid)) - bareStart),
    };
  } finally {
    bare?.kill('SIGKILL');
    killTmux();
    process.off('exit', killTmux);
    await atmd.stop();
  }
}

/** The header's "N waiting  N working  N idle", summed; -1 before it shows. */
function headerCount(/** @type {string} */ screen) {
  const match = /(\d+) waiting {2}(\d+) working {2}(\d+) idle/.exec(screen.split('\n')[0] ?? '');
  return match === null ? -1 : Number(match[1]) + Number(match[2]) + Number(match[3]);
}

/** @param {() => boolean} check @param {string} what */
async function waitFor(check, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * 100 sessions over 12 projects through `ingest`: SessionStart, a status line, then a status,
 * each from the pane of atmd's private tmux server (so the TMUX column is filled).
 * @param {import('./lib/servers.mjs').ServerProcess} atmd
 */
async function fillDaemon(atmd) {
  const withCwd = (/** @type {object} */ payload, /** @type {number} */ i) => ({
    ...payload,
    cwd: `/home/bench/code/proj-${i % PROJECTS}/pkg-${i}`,
  });
  const last = (/** @type {string} */ id, /** @type {number} */ i) => {
    if (i % 3 === 0) return toolHookPayload(id, 0);
    if (i % 3 === 1) return { ...toolHookPayload(id, 0), hook_event_name: 'PermissionRequest' };
    return { ...toolHookPayload(id, 0), hook_event_name: 'Stop', tool_name: undefined, tool_input: undefined };
  };
  const session = await openSession(atmd.socketPath);
  const errors = await pipelineRequests(session, SESSIONS * 3, 32, (n) => {
    const i = Math.floor(n / 3);
    const id = sessionIdFor(i);
    if (n % 3 === 0) return ingestLine(n, 'hook', withCwd(sessionStartPayload(id, n), i), atmd.place);
    if (n % 3 === 1) return ingestLine(n, 'status', withCwd(statusPayload(id, n), i), atmd.place);
    return ingestLine(n, 'hook', withCwd(last(id, i), i), atmd.place);
  });
  session.close();
  if (errors > 0) throw new Error(`atmd refused ${errors} reports`);
}

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2));
  const frames = args.quick ? 30 : 400;
  const idleWindowMs = args.quick ? 1_000 : 10_000;
  const dist = await loadDist();
  const full = patchFullRedraw(dist.ScreenBuffer);
  const screens = createScreens(dist);
  /** @type {Map<Scenario, ReturnType<typeof runScenario>[]>} */
  const byScenario = new Map(SCENARIOS.map((s) => [s, []]));
  /** @type {{ atmMsPerS: number, nodeMsPerS: number }[]} */
  const idle = [];
  for (let run = 0; run < args.runs; run += 1) {
    for (const scenario of SCENARIOS)
      byScenario.get(scenario)?.push(runScenario(dist, screens, full, scenario, frames));
    const cpu = await measureIdleCpu(idleWindowMs);
    if (cpu !== null) idle.push(cpu);
  }

  /** Per run, the pth percentile of one series; the table shows their median (min–max). */
  const pct = (/** @type {any[]} */ runs, /** @type {string} */ key, /** @type {number} */ p) =>
    runs.map((m) => percentile(m[key], p));
  // Frame times pool the scenarios (the same frame work; only what changed differs).
  const pooled = Array.from({ length: args.runs }, (_, run) => {
    const ofRun = [...byScenario.values()].map((runs) => runs[run]);
    const cat = (/** @type {string} */ key) => ofRun.flatMap((m) => m?.[key] ?? []);
    return { renderMs: cat('renderMs'), deltaMs: cat('deltaMs'), fullMs: cat('fullMs') };
  });
  const timeRow = (/** @type {string} */ label, /** @type {string} */ key, /** @type {string | null} */ baseKey) => [
    label,
    formatRuns(pct(pooled, key, 50), 3),
    formatRuns(pct(pooled, key, 99), 3),
    baseKey === null ? '—' : formatRuns(pct(pooled, baseKey, 50), 3),
    baseKey === null ? '—' : formatRuns(pct(pooled, baseKey, 99), 3),
    baseKey === null ? '—' : formatRatio(pct(pooled, baseKey, 50), pct(pooled, key, 50)),
  ];
  const byteRows = SCENARIOS.map((scenario) => {
    const runs = byScenario.get(scenario) ?? [];
    return [
      `bytes, ${scenario.label}`,
      formatRuns(pct(runs, 'deltaBytes', 50)),
      formatRuns(pct(runs, 'deltaBytes', 99)),
      formatRuns(pct(runs, 'fullBytes', 50)),
      formatRuns(pct(runs, 'fullBytes', 99)),
      formatRatio(pct(runs, 'fullBytes', 50), pct(runs, 'deltaBytes', 50)),
    ];
  });
  const cpuRow =
    idle.length === 0
      ? ['idle CPU, ms per s (needs tmux and /proc)', 'n/a', '—', 'n/a', '—', 'n/a']
      : [
          `idle CPU, ms per s over ${idleWindowMs / 1000} s`,
          formatRuns(
            idle.map((r) => r.atmMsPerS),
            1,
          ),
          '—',
          formatRuns(
            idle.map((r) => r.nodeMsPerS),
            1,
          ),
          '—',
          '—',
        ];
  printReport({
    title: `Dashboard: render time, bytes per update and idle CPU (${SESSIONS} sessions, ${SIZE.width}x${SIZE.height})`,
    args,
    header: ['measure', 'atm p50', 'atm p99', 'baseline p50', 'baseline p99', 'baseline ÷ atm (p50)'],
    rows: [
      timeRow('renderDashboard, ms', 'renderMs', null),
      timeRow('render + draw, ms', 'deltaMs', 'fullMs'),
      ...byteRows,
      cpuRow,
    ],
    notes: [
      `atm: render + terminal-kit delta draw, as the dashboard does; baseline: the same frame fully redrawn (terminal-kit's ScreenBuffer draw with delta: false)`,
      `${frames} frames per scenario and run, each with one change to a session on screen (or the clock); frame times pool the scenarios; p50/p99 are within a run`,
      `frames go to a counting terminal (xterm-256color sequences), not a real one; render uses a fixed clock, so a frame differs only by the change measured`,
      `idle CPU: the real \`atm\` (a real atmd with ${SESSIONS} sessions, no updates) in a private tmux server at 120x40, user + system time over the window; baseline: a bare \`node -e "setInterval(() => {}, 1000)"\``,
    ],
  });
});
