#!/usr/bin/env node
/**
 * Hook burst: how many of N `atm hook` processes started at the same instant reach atmd. Claude
 * Code starts every matching hook in parallel (async: true), so a burst of 40 is ordinary when
 * several agents work at once; on a 2-core machine the Node fallback once lost most of them
 * (issue 10, defect 1). Each round starts a fresh atmd (no tmux), spawns the burst, waits for
 * every process to exit, and counts the sessions atmd lists (one session per hook). Reported:
 * delivered out of sent, and the burst's wall time (spawn of the first to exit of the last).
 * `ATM_BENCH_BASELINE_ATM=/path/to/other/dist/cli/main.js` runs that build's `atm hook` too, in
 * alternate rounds against the same atmd build, for a side-by-side ratio.
 * Usage: node bench/hook-burst.mjs [--runs N] [--quick]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBenchArgs } from './lib/args.mjs';
import { sessionIdFor, toolHookPayload } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd } from './lib/servers.mjs';
import { formatRuns, median } from './lib/stats.mjs';
import { listSessions, openSession } from './lib/wire.mjs';

const ATM_MAIN = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const BASELINE = process.env.ATM_BENCH_BASELINE_ATM ?? null;

/** Runs `node main hook` with `payload` on stdin; resolves when it exits. */
function runHook(/** @type {string} */ main, /** @type {NodeJS.ProcessEnv} */ env, /** @type {string} */ payload) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, 'hook'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
    child.once('exit', resolve);
    child.stdin.on('error', () => undefined);
    child.stdin.end(payload);
  });
}

/** One burst of `size` hooks from `main` against a fresh atmd: delivered count and wall ms. */
async function burst(/** @type {string} */ main, /** @type {number} */ size, /** @type {number} */ round) {
  const atmd = await startAtmd({}, { tmux: false });
  try {
    const env = { PATH: process.env.PATH, ATM_SOCKET: atmd.socketPath };
    const payloads = Array.from({ length: size }, (_, n) =>
      JSON.stringify(toolHookPayload(sessionIdFor(round * 1_000 + n), 0)),
    );
    const started = performance.now();
    await Promise.all(payloads.map((payload) => runHook(main, env, payload)));
    const wallMs = performance.now() - started;
    const session = await openSession(atmd.socketPath);
    const delivered = (await listSessions(session)).length;
    session.socket.destroy();
    return { delivered, wallMs };
  } finally {
    await atmd.stop();
  }
}

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2), { runs: 5 });
  const size = args.quick ? 8 : 40;
  const builds = [{ name: 'atm hook (this build)', main: ATM_MAIN }];
  if (BASELINE !== null) builds.push({ name: `atm hook (baseline: ${BASELINE})`, main: BASELINE });
  /** @type {Map<string, { delivered: number[], wallMs: number[] }>} */
  const results = new Map(builds.map((b) => [b.name, { delivered: [], wallMs: [] }]));
  for (let run = 0; run < args.runs; run += 1) {
    for (const build of builds) {
      const outcome = await burst(build.main, size, run);
      const result = results.get(build.name);
      result?.delivered.push(outcome.delivered);
      result?.wallMs.push(outcome.wallMs);
    }
  }
  printReport({
    title: `Hook burst: ${size} concurrent \`atm hook\` processes`,
    args,
    header: ['client', 'delivered (of ' + size + ')', 'lost %', 'burst wall ms'],
    rows: builds.map((build) => {
      const result = results.get(build.name) ?? { delivered: [], wallMs: [] };
      const lost = 100 * (1 - median(result.delivered) / size);
      return [build.name, formatRuns(result.delivered), lost.toFixed(0), formatRuns(result.wallMs)];
    }),
    notes: [
      'each round: a fresh atmd, then the whole burst spawned at once; delivered = sessions atmd lists afterwards',
      'wall: from the first spawn until the last process exited (includes Node start-up of every hook)',
    ],
  });
});
