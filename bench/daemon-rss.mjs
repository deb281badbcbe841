#!/usr/bin/env node
/**
 * Daemon memory: atmd's resident set (VmRSS from /proc/<pid>/status) holding 100 and 1,000
 * sessions, next to the baseline server after the same traffic (the floor: a bare Node process
 * with a socket). Each session gets a SessionStart, a full status line (model, context, cost)
 * and a PreToolUse (Bash), so every field is filled; then the bench waits a settling pause
 * (V8 collects when idle) and reads VmRSS, and atmd's CPU time over that idle pause.
 * Sessions carry a live agent pid (the bench's own, as ATM_AGENT_PID would give it), so atmd's
 * liveness check runs for each of them once a second, as for real agents; a diagnostic row
 * repeats 1,000 sessions without a pid (liveness skips them) to show what that check costs.
 * Usage: node bench/daemon-rss.mjs [--runs N] [--quick]
 */
import { parseBenchArgs } from './lib/args.mjs';
import { ingestLine, sessionIdFor, sessionStartPayload, statusPayload, toolHookPayload } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd, startBaseline } from './lib/servers.mjs';
import { formatRatio, formatRuns, median } from './lib/stats.mjs';
import { openSession, pipelineRequests } from './lib/wire.mjs';

const REPORTS_PER_SESSION = 3;

/**
 * @typedef {object} Case
 * @property {string} label
 * @property {number} sessions
 * @property {boolean} withPid whether reports name a live agent pid
 */

/**
 * Fills a fresh server with `sessions` sessions, waits `settleMs`, and reads its memory and
 * idle CPU (ms of CPU per second of wall time during the pause).
 * @param {import('./lib/servers.mjs').ServerProcess} server
 * @param {Case} testCase
 * @param {number} settleMs
 */
async function measure(server, testCase, settleMs) {
  const session = await openSession(server.socketPath);
  const report = (/** @type {number} */ n) => {
    const index = Math.floor(n / REPORTS_PER_SESSION);
    const id = sessionIdFor(index);
    const step = n % REPORTS_PER_SESSION;
    const line =
      step === 1
        ? ingestLine(n, 'status', statusPayload(id, n), server.place)
        : ingestLine(n, 'hook', step === 0 ? sessionStartPayload(id, n) : toolHookPayload(id, 0), server.place);
    return testCase.withPid ? line : line.replace(`"agentPid":${process.pid}`, '"agentPid":null');
  };
  const errors = await pipelineRequests(session, testCase.sessions * REPORTS_PER_SESSION, 64, report);
  if (errors > 0)
    throw new Error(`${server.name}: ${errors} reports refused while registering ${testCase.sessions} sessions`);
  session.close();
  const cpuStartMs = server.cpuMs();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return { rssMb: server.rssKb() / 1024, idleCpuMsPerS: ((server.cpuMs() - cpuStartMs) * 1000) / settleMs };
}

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2));
  const settleMs = args.quick ? 500 : 3_000;
  /** @type {Case[]} */
  const cases = args.quick
    ? [{ label: '100', sessions: 100, withPid: true }]
    : [
        { label: '0', sessions: 0, withPid: true },
        { label: '100', sessions: 100, withPid: true },
        { label: '1,000', sessions: 1_000, withPid: true },
        { label: '1,000 without agent pid (no liveness or reconciliation)', sessions: 1_000, withPid: false },
      ];
  /** @type {Map<Case, Record<'atmd' | 'baseline', { rssMb: number, idleCpuMsPerS: number }[]>>} */
  const results = new Map(cases.map((c) => [c, { atmd: [], baseline: [] }]));
  for (let run = 0; run < args.runs; run += 1) {
    const order = run % 2 === 0 ? [startAtmd, startBaseline] : [startBaseline, startAtmd];
    for (const testCase of cases) {
      for (const start of order) {
        const server = await start({ maxSessions: 2_000 });
        try {
          results.get(testCase)?.[server.name].push(await measure(server, testCase, settleMs));
        } finally {
          await server.stop();
        }
      }
    }
  }
  const rows = [...results].map(([testCase, { atmd, baseline }]) => {
    const rss = (/** @type {{ rssMb: number }[]} */ list) => list.map((r) => r.rssMb);
    return [
      testCase.label,
      formatRuns(rss(atmd), 1),
      formatRuns(rss(baseline), 1),
      formatRatio(rss(atmd), rss(baseline)),
      formatRuns([median(rss(atmd)) - median(rss(baseline))], 1),
      formatRuns(
        atmd.map((r) => r.idleCpuMsPerS),
        1,
      ),
    ];
  });
  printReport({
    title: 'Daemon: memory (VmRSS, MiB) and idle CPU',
    args,
    header: ['sessions', 'atmd RSS', 'baseline RSS', 'atmd ÷ baseline', 'atmd − baseline', 'atmd idle CPU (ms/s)'],
    rows,
    notes: [
      `each session: ${REPORTS_PER_SESSION} reports over one hello'd connection (SessionStart, a full status line, a PreToolUse), then the connection is closed`,
      `RSS read ${settleMs} ms after the last report (a settling pause, no forced GC); idle CPU is atmd's user+system time over that pause, in ms per second`,
      'atmd runs with its defaults (persistence on, liveness every second, info log) except maxSessions = 2,000; its own memory warning threshold is rssWarnMb = 100',
      'baseline: a Node Unix-socket server in its own process that holds nothing',
    ],
  });
});
