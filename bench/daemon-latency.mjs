#!/usr/bin/env node
/**
 * Event-to-subscriber latency: the time from a client starting to send a hook report to a
 * subscribed client (the dashboard's role) receiving a state that includes it, both ends in
 * this process (one clock), atmd and the baseline relay in their own processes.
 * Two situations, because atmd coalesces updates (at most 10 a second per subscriber, a lone
 * change after a quiet spell at once) and they measure different things:
 * - lone: one report, then a quiet spell longer than the coalescing interval: the pure path
 *   (connect, parse, apply, encode, write, read), what a user sees when one agent changes;
 * - load: 1,000 reports a second round-robin over 100 sessions (10 a second each): here most of
 *   the latency is the coalescing wait itself (up to 100 ms by design), plus any queueing.
 * The baseline relays each report line to subscribers as it arrives: no parsing, no state, no
 * coalescing. So "lone" compares like with like; under load the ratio mostly shows coalescing.
 * Usage: node bench/daemon-latency.mjs [--runs N] [--quick]
 */
import { performance } from 'node:perf_hooks';
import { parseBenchArgs } from './lib/args.mjs';
import { LatencyTracker } from './lib/latency-tracker.mjs';
import { ingestLine, oneShotBytes, sessionIdFor, sessionStartPayload, toolHookPayload } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd, startBaseline } from './lib/servers.mjs';
import { formatRatio, formatRuns, percentile } from './lib/stats.mjs';
import { openSession, pipelineRequests, sendOneShot } from './lib/wire.mjs';

const SESSIONS = 100;
const LOAD_PER_SECOND = 1_000;
const QUIET_MS = 250;
const TRANSPORTS = /** @type {const} */ (['one-shot', 'connection']);
const PHASES = /** @type {const} */ (['lone', 'load']);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

let seq = 0;

/**
 * Runs one phase against a server whose sessions are registered; resolves the latencies (ms)
 * and how many lines the subscriber received a second.
 * @param {import('./lib/servers.mjs').ServerProcess} server
 * @param {import('./lib/wire.mjs').LineSession} ingester a hello'd connection for `ingest`
 * @param {typeof TRANSPORTS[number]} transport
 * @param {typeof PHASES[number]} phase
 * @param {{ loneSamples: number, loadSeconds: number }} size
 */
async function measurePhase(server, ingester, transport, phase, size) {
  const tracker = new LatencyTracker();
  const subscriber = await openSession(server.socketPath);
  const snapshot = new Promise((resolve) =>
    subscriber.onLine((line) => (line.includes('"type":"snapshot"') ? resolve(undefined) : undefined)),
  );
  subscriber.onLine((line, receivedAtMs) => tracker.received(line, receivedAtMs));
  subscriber.socket.write('{"type":"subscribe","id":1}\n');
  await snapshot;
  let failures = 0;
  const send = (/** @type {number} */ index) => {
    const id = sessionIdFor(index % SESSIONS);
    seq += 1;
    tracker.sent(id, seq, performance.now());
    const payload = toolHookPayload(id, seq);
    if (transport === 'connection') ingester.socket.write(ingestLine(seq, 'hook', payload, server.place));
    else
      void sendOneShot(server.socketPath, oneShotBytes('hook', payload, server.place)).then(
        (ok) => (failures += ok ? 0 : 1),
      );
  };
  await sleep(QUIET_MS);
  const startMs = performance.now();
  if (phase === 'lone') {
    for (let i = 0; i < size.loneSamples; i += 1) {
      send(i);
      await tracker.drained(5_000);
      await sleep(QUIET_MS);
    }
  } else {
    const total = LOAD_PER_SECOND * size.loadSeconds;
    for (let sent = 0; sent < total; await sleep(1)) {
      const due = Math.min(total, Math.floor(((performance.now() - startMs) * LOAD_PER_SECOND) / 1000) + 1);
      while (sent < due) send(sent++);
    }
    await tracker.drained(10_000);
  }
  const seconds = (performance.now() - startMs) / 1000;
  subscriber.close();
  if (failures > 0) throw new Error(`${server.name}: ${failures} one-shot reports failed`);
  return { latenciesMs: tracker.latenciesMs, messagesPerSecond: tracker.messages / seconds };
}

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2));
  const size = args.quick ? { loneSamples: 3, loadSeconds: 0.5 } : { loneSamples: 20, loadSeconds: 3 };
  /** @type {Map<string, Record<'atmd' | 'baseline', { p50: number, p99: number, perSecond: number }[]>>} */
  const results = new Map();
  for (let run = 0; run < args.runs; run += 1) {
    const order = run % 2 === 0 ? [startAtmd, startBaseline] : [startBaseline, startAtmd];
    for (const start of order) {
      const server = await start();
      try {
        const ingester = await openSession(server.socketPath);
        await pipelineRequests(ingester, SESSIONS, 64, (i) =>
          ingestLine(i, 'hook', sessionStartPayload(sessionIdFor(i), 0), server.place),
        );
        for (const phase of PHASES) {
          for (const transport of TRANSPORTS) {
            const { latenciesMs, messagesPerSecond } = await measurePhase(server, ingester, transport, phase, size);
            const key = `${phase}|${transport}`;
            const entry = results.get(key) ?? { atmd: [], baseline: [] };
            entry[server.name].push({
              p50: percentile(latenciesMs, 50),
              p99: percentile(latenciesMs, 99),
              perSecond: messagesPerSecond,
            });
            results.set(key, entry);
          }
        }
        ingester.close();
      } finally {
        await server.stop();
      }
    }
  }
  const pick = (
    /** @type {{ p50: number, p99: number, perSecond: number }[]} */ list,
    /** @type {'p50' | 'p99' | 'perSecond'} */ field,
  ) => list.map((r) => r[field]);
  const rows = [...results].map(([key, { atmd, baseline }]) => {
    const [phase, transport] = key.split('|');
    const label =
      phase === 'lone'
        ? `lone report (${QUIET_MS} ms apart)`
        : `${LOAD_PER_SECOND.toLocaleString('en-US')}/s over ${SESSIONS} sessions`;
    return [
      label,
      transport ?? '',
      formatRuns(pick(atmd, 'p50'), 2),
      formatRuns(pick(atmd, 'p99'), 2),
      formatRuns(pick(baseline, 'p50'), 2),
      formatRuns(pick(baseline, 'p99'), 2),
      formatRatio(pick(atmd, 'p50'), pick(baseline, 'p50')),
      phase === 'lone' ? '–' : `${formatRuns(pick(atmd, 'perSecond'))} / ${formatRuns(pick(baseline, 'perSecond'))}`,
    ];
  });
  printReport({
    title: 'Daemon: event-to-subscriber latency (ms)',
    args,
    header: [
      'reports',
      'transport',
      'atmd p50',
      'atmd p99',
      'baseline p50',
      'baseline p99',
      'atmd ÷ baseline (p50)',
      'lines to subscriber/s (atmd / baseline)',
    ],
    rows,
    notes: [
      'latency: from just before the report is sent (one-shot: before connecting) to the arrival of the subscriber line carrying that session at that report or later; one process, one clock',
      `lone: ${size.loneSamples} reports per run, each after ${QUIET_MS} ms of quiet (longer than atmd's 100 ms coalescing interval), so each goes out at once`,
      `load: ${LOAD_PER_SECOND}/s for ${size.loadSeconds} s, round-robin over ${SESSIONS} registered sessions; atmd sends at most 10 coalesced updates a second by design, so its p50 is dominated by that wait (≈ half the interval) and its p99 by the interval plus queueing; the baseline relays every report at once`,
      'baseline: a Node Unix-socket server in its own process that relays each report line to subscribers as it arrives',
    ],
  });
});
