#!/usr/bin/env node
/**
 * Ingest rate: how many hook reports a second atmd applies, over the two transports of
 * docs/PROTOCOL.md, next to the do-nothing baseline server on the same transport.
 * - one-shot: one connection per report (what `atm hook` does), 16 in flight from one client;
 * - connection: `ingest` requests over one hello'd connection, 64 unanswered at most.
 * A report counts when the server has answered it (one-shot: closed the connection), so the rate
 * is of reports applied, not merely sent. Reports spread round-robin over 100 or 1,000 sessions
 * registered beforehand; after each run atmd's `list` must show every session's latest report,
 * or the bench fails (a fast daemon that drops reports is not fast).
 * The client and the server share the machine, so the rate may be the client's limit; the
 * server's own CPU time per report (from /proc/<pid>/stat) is the figure that isolates its cost.
 * Usage: node bench/daemon-ingest.mjs [--runs N] [--quick]
 */
import { performance } from 'node:perf_hooks';
import { parseBenchArgs } from './lib/args.mjs';
import {
  ingestLine,
  markerOf,
  oneShotBytes,
  sessionIdFor,
  sessionStartPayload,
  toolHookPayload,
} from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd, startBaseline } from './lib/servers.mjs';
import { formatRatio, formatRuns } from './lib/stats.mjs';
import { listSessions, openSession, pipelineRequests, runPool, sendOneShot } from './lib/wire.mjs';

const ONE_SHOT_CONCURRENCY = 16;
const WINDOW = 64;
const TRANSPORTS = /** @type {const} */ (['one-shot', 'connection']);

/**
 * Registers `sessionCount` sessions, then times `count` reports over `transport` (after a
 * warm-up of a tenth as many). Resolves reports per second and the server's CPU µs per report.
 * @param {import('./lib/servers.mjs').ServerProcess} server
 * @param {typeof TRANSPORTS[number]} transport
 * @param {number} sessionCount
 * @param {number} count
 */
async function measure(server, transport, sessionCount, count) {
  const session = await openSession(server.socketPath);
  const lastSeq = new Map();
  let seq = 0;
  const nextReport = (/** @type {number} */ index) => {
    const id = sessionIdFor(index % sessionCount);
    seq += 1;
    lastSeq.set(id, seq);
    return { id, payload: toolHookPayload(id, seq) };
  };
  const send = async (/** @type {number} */ n) => {
    const failed =
      transport === 'one-shot'
        ? await runPool(n, ONE_SHOT_CONCURRENCY, (i) =>
            sendOneShot(server.socketPath, oneShotBytes('hook', nextReport(i).payload, server.place)),
          )
        : await pipelineRequests(session, n, WINDOW, (i) => ingestLine(i, 'hook', nextReport(i).payload, server.place));
    if (failed > 0) throw new Error(`${server.name}: ${failed} of ${n} reports failed over ${transport}`);
  };
  await pipelineRequests(session, sessionCount, WINDOW, (i) =>
    ingestLine(i, 'hook', sessionStartPayload(sessionIdFor(i), 0), server.place),
  );
  await send(Math.ceil(count / 10));
  const startMs = performance.now();
  const startCpuMs = server.cpuMs();
  await send(count);
  const rate = count / ((performance.now() - startMs) / 1000);
  const cpuUs = ((server.cpuMs() - startCpuMs) * 1000) / count;
  if (server.name === 'atmd') await verify(session, lastSeq);
  session.close();
  return { rate, cpuUs };
}

/** Every session atmd lists shows the last report sent to it: nothing was lost or reordered. */
async function verify(
  /** @type {import('./lib/wire.mjs').LineSession} */ session,
  /** @type {Map<string, number>} */ lastSeq,
) {
  const sessions = await listSessions(session);
  const wrong = sessions.filter((s) => lastSeq.has(s.id) && markerOf(s.cwd) !== lastSeq.get(s.id));
  if (sessions.length !== lastSeq.size || wrong.length > 0) {
    throw new Error(
      `atmd lists ${sessions.length} of ${lastSeq.size} sessions, ${wrong.length} without their latest report`,
    );
  }
}

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2));
  const counts = args.quick ? { 'one-shot': 200, connection: 1_000 } : { 'one-shot': 4_000, connection: 20_000 };
  const sessionCounts = args.quick ? [100] : [100, 1_000];
  /** @type {Map<string, Record<'atmd' | 'baseline', { rate: number, cpuUs: number }[]>>} */
  const results = new Map();
  for (let run = 0; run < args.runs; run += 1) {
    // Alternate which server goes first, so a drift in the machine's load hits both alike.
    const order = run % 2 === 0 ? [startAtmd, startBaseline] : [startBaseline, startAtmd];
    for (const sessionCount of sessionCounts) {
      for (const start of order) {
        const server = await start({ maxSessions: 2 * sessionCount });
        try {
          for (const transport of TRANSPORTS) {
            const key = `${transport}|${sessionCount}`;
            const entry = results.get(key) ?? { atmd: [], baseline: [] };
            entry[server.name].push(await measure(server, transport, sessionCount, counts[transport]));
            results.set(key, entry);
          }
        } finally {
          await server.stop();
        }
      }
    }
  }
  const rows = [...results].map(([key, { atmd, baseline }]) => {
    const [transport, sessions] = key.split('|');
    const rate = (/** @type {{ rate: number }[]} */ list) => list.map((r) => r.rate);
    const cpu = (/** @type {{ cpuUs: number }[]} */ list) => list.map((r) => r.cpuUs);
    return [
      transport ?? '',
      Number(sessions).toLocaleString('en-US'),
      formatRuns(rate(atmd)),
      formatRuns(rate(baseline)),
      formatRatio(rate(atmd), rate(baseline)),
      formatRuns(cpu(atmd)),
      formatRuns(cpu(baseline)),
      formatRatio(cpu(atmd), cpu(baseline)),
    ];
  });
  printReport({
    title: 'Daemon: ingest rate (hook reports applied per second)',
    args,
    header: [
      'transport',
      'sessions',
      'atmd reports/s',
      'baseline reports/s',
      'rate atmd ÷ baseline',
      'atmd CPU µs/report',
      'baseline CPU µs/report',
      'CPU atmd ÷ baseline',
    ],
    rows,
    notes: [
      `one-shot: one connection per report, ${ONE_SHOT_CONCURRENCY} in flight; connection: \`ingest\` requests on one hello'd connection, ${WINDOW} unanswered at most`,
      `${counts['one-shot']} one-shot / ${counts.connection} connection reports per run after a warm-up of a tenth as many; PreToolUse/PostToolUse (Bash) round-robin over the sessions`,
      'baseline: a Node Unix-socket server in its own process that splits lines and acknowledges them, nothing else',
      'reports/s is bounded by the one client process as much as by the server on a 2-core machine; CPU µs/report is the server process’s own user+system time (/proc/<pid>/stat) over the timed reports, the figure that isolates its cost',
    ],
  });
});
