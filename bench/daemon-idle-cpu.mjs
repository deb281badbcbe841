#!/usr/bin/env node
/**
 * Where atmd's idle CPU goes with working sessions (issue 10's goals: ≤ 5 ms/s at 100 sessions,
 * ≤ 20 ms/s at 1,000): the same sessions measured with the defaults, and with the once-a-second
 * passes (liveness and the reconciler, both on `daemon.livenessIntervalMs`) pushed out to a
 * minute, so the difference is what those passes cost. Sessions carry a live pid (the bench's
 * own) and are left `working`.
 * Side by side: with `ATM_BENCH_BASELINE_ATMD=<other build>/dist/daemon/main.js` every case is
 * also run against that build, interleaved run by run (so both see the same neighbours' load),
 * and the table shows both and their ratio.
 * Usage: node bench/daemon-idle-cpu.mjs [--runs N] [--quick]
 */
import { parseBenchArgs } from './lib/args.mjs';
import { ingestLine, sessionIdFor, sessionStartPayload, statusPayload, toolHookPayload } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd } from './lib/servers.mjs';
import { formatRuns, median } from './lib/stats.mjs';
import { openSession, pipelineRequests } from './lib/wire.mjs';

const BASELINE = process.env.ATM_BENCH_BASELINE_ATMD;

/**
 * @param {number} sessions
 * @param {Record<string, unknown>} daemonConfig
 * @param {number} settleMs
 * @param {string | undefined} bin
 */
async function measure(sessions, daemonConfig, settleMs, bin) {
  const quietMs = settleMs < 5_000 ? 500 : 2_000;
  const server = await startAtmd({ maxSessions: 2_000, ...daemonConfig }, { bin });
  try {
    const session = await openSession(server.socketPath);
    const report = (/** @type {number} */ n) => {
      const id = sessionIdFor(Math.floor(n / 3));
      const step = n % 3;
      if (step === 1) return ingestLine(n, 'status', statusPayload(id, n), server.place);
      return ingestLine(n, 'hook', step === 0 ? sessionStartPayload(id, n) : toolHookPayload(id, 0), server.place);
    };
    await pipelineRequests(session, sessions * 3, 64, report);
    session.close();
    // Past the debounced save and the first passes' one-off work (start times, watches).
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const start = server.cpuMs();
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return ((server.cpuMs() - start) * 1000) / settleMs;
  } finally {
    await server.stop();
  }
}

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2), { runs: 3 });
  const settleMs = args.quick ? 1_000 : 5_000;
  const cases = [
    { sessions: 100, label: '100 sessions, defaults (liveness + reconciler every 1 s)', config: {} },
    {
      sessions: 100,
      label: '100 sessions, passes every 60 s (what is left: timers, tmux names, git)',
      config: { livenessIntervalMs: 60_000 },
    },
    { sessions: 1_000, label: '1,000 sessions, defaults', config: {} },
  ];
  const builds = [{ name: 'this build', bin: undefined }];
  if (BASELINE !== undefined) builds.push({ name: 'baseline', bin: BASELINE });
  const rows = [];
  for (const testCase of cases) {
    /** @type {number[][]} */
    const values = builds.map(() => []);
    for (let run = 0; run < args.runs; run += 1)
      for (const [index, build] of builds.entries())
        values[index]?.push(await measure(testCase.sessions, testCase.config, settleMs, build.bin));
    const row = [testCase.label, ...values.map((runs) => formatRuns(runs, 1))];
    if (BASELINE !== undefined) {
      const [ours = [], theirs = []] = values;
      row.push(median(theirs) > 0 ? `×${(median(ours) / median(theirs)).toFixed(2)}` : 'n/a');
    }
    rows.push(row);
  }
  printReport({
    title: 'Daemon: idle CPU with working sessions (ms of CPU per s)',
    args,
    header: ['case', ...builds.map((build) => `${build.name} (ms/s)`), ...(BASELINE === undefined ? [] : ['ratio'])],
    rows,
    notes: [
      `CPU time (user + system) over ${settleMs} ms with no traffic, ${settleMs < 5_000 ? 0.5 : 2} s after the last report`,
      ...(BASELINE === undefined ? [] : [`baseline: ${BASELINE}`]),
    ],
  });
});
