#!/usr/bin/env node
/**
 * Where atmd's idle CPU goes at 100 working sessions (issue 10's goal: ≤ 5 ms/s): the same
 * sessions measured with the defaults, and with the once-a-second passes (liveness and the
 * reconciler, both on `daemon.livenessIntervalMs`) pushed out to a minute, so the difference is
 * what those passes cost. Sessions carry a live pid (the bench's own) and are left `working`.
 * Usage: node bench/daemon-idle-cpu.mjs [--runs N] [--quick]
 */
import { parseBenchArgs } from './lib/args.mjs';
import { ingestLine, sessionIdFor, sessionStartPayload, statusPayload, toolHookPayload } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd } from './lib/servers.mjs';
import { formatRuns } from './lib/stats.mjs';
import { openSession, pipelineRequests } from './lib/wire.mjs';

const SESSIONS = 100;

async function measure(daemonConfig, settleMs) {
  const server = await startAtmd({ maxSessions: 2_000, ...daemonConfig });
  try {
    const session = await openSession(server.socketPath);
    const report = (/** @type {number} */ n) => {
      const id = sessionIdFor(Math.floor(n / 3));
      const step = n % 3;
      if (step === 1) return ingestLine(n, 'status', statusPayload(id, n), server.place);
      return ingestLine(n, 'hook', step === 0 ? sessionStartPayload(id, n) : toolHookPayload(id, 0), server.place);
    };
    await pipelineRequests(session, SESSIONS * 3, 64, report);
    session.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
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
    { label: 'defaults (liveness + reconciler every 1 s)', config: {} },
    { label: 'passes every 60 s (what is left: timers, tmux names, git)', config: { livenessIntervalMs: 60_000 } },
  ];
  const rows = [];
  for (const testCase of cases) {
    const values = [];
    for (let run = 0; run < args.runs; run += 1) values.push(await measure(testCase.config, settleMs));
    rows.push([testCase.label, formatRuns(values, 1)]);
  }
  printReport({
    title: `Daemon: idle CPU at ${SESSIONS} working sessions (ms of CPU per s)`,
    args,
    header: ['atmd', 'idle CPU (ms/s)'],
    rows,
    notes: [`CPU time (user + system) over ${settleMs} ms with no traffic, 1 s after the last report`],
  });
});
