#!/usr/bin/env node
/**
 * Backpressure (issue 10, defect 10): atmd's resident set while a client pipelines `list`
 * requests and never reads the answers. atmd first holds 100 sessions (each `list` answer is
 * then ~70 kB); one connection says hello, writes ~93 kB of `list` lines in one go and pauses
 * its socket for good. The bench samples atmd's VmRSS every 100 ms for 5 s and reports the peak
 * against the RSS just before; meanwhile a second client pings, to show whether the others are
 * still served (its worst round trip). Compare builds with ATM_BENCH_ATMD=<other>/dist/daemon/main.js.
 * Usage: node bench/daemon-pipeline-rss.mjs [--runs N] [--quick]
 */
import { createConnection } from 'node:net';
import { parseBenchArgs } from './lib/args.mjs';
import { ingestLine, sessionIdFor, sessionStartPayload, statusPayload } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd } from './lib/servers.mjs';
import { formatRuns } from './lib/stats.mjs';
import { openSession, pipelineRequests } from './lib/wire.mjs';

const SESSIONS = 100;
const FLOOD_BYTES = 93 * 1024;
const HELLO = '{"type":"hello","protocolVersion":"1.2","role":"bench"}\n';

/** One ping's round trip on an open session, in ms; Infinity when none came within `timeoutMs`. */
function pingMs(/** @type {import('./lib/wire.mjs').LineSession} */ session, id, timeoutMs = 5_000) {
  const start = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve(Number.POSITIVE_INFINITY);
    }, timeoutMs);
    const stop = session.onLine((line) => {
      if (!line.includes(`"id":"${id}"`)) return;
      clearTimeout(timer);
      stop();
      resolve(performance.now() - start);
    });
    session.socket.write(`{"type":"ping","id":"${id}"}\n`);
  });
}

async function measure(sampleMs) {
  const server = await startAtmd({ maxSessions: 2_000 });
  try {
    const filler = await openSession(server.socketPath);
    const report = (/** @type {number} */ n) => {
      const id = sessionIdFor(Math.floor(n / 2));
      return n % 2 === 0
        ? ingestLine(n, 'hook', sessionStartPayload(id, n), server.place)
        : ingestLine(n, 'status', statusPayload(id, n), server.place);
    };
    await pipelineRequests(filler, SESSIONS * 2, 64, report);
    filler.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const beforeMb = server.rssKb() / 1024;

    const flood = createConnection(server.socketPath);
    await new Promise((resolve, reject) => flood.once('connect', resolve).once('error', reject));
    flood.on('error', () => undefined);
    flood.pause(); // never reads a byte of the answers
    const line = (/** @type {number} */ i) => `{"type":"list","id":${i}}\n`;
    let text = HELLO;
    for (let i = 0; text.length < FLOOD_BYTES; i += 1) text += line(i);
    flood.write(text);

    const bystander = await openSession(server.socketPath);
    let peakMb = beforeMb;
    let worstPingMs = 0;
    const deadline = performance.now() + sampleMs;
    for (let i = 0; performance.now() < deadline; i += 1) {
      worstPingMs = Math.max(worstPingMs, await pingMs(bystander, `p${i}`));
      peakMb = Math.max(peakMb, server.rssKb() / 1024);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const floodClosed = flood.destroyed || flood.readableEnded;
    bystander.close();
    flood.destroy();
    return { beforeMb, peakMb, worstPingMs, floodClosed };
  } finally {
    await server.stop();
  }
}

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2), { runs: 3 });
  const sampleMs = args.quick ? 1_000 : 5_000;
  const results = [];
  for (let run = 0; run < args.runs; run += 1) results.push(await measure(sampleMs));
  printReport({
    title: 'Daemon: a client that pipelines `list` and never reads (VmRSS, MiB)',
    args,
    header: ['atmd', 'RSS before', 'RSS peak', 'peak − before', 'worst ping of another client (ms)'],
    rows: [
      [
        process.env.ATM_BENCH_ATMD ?? 'this build (dist/)',
        formatRuns(
          results.map((r) => r.beforeMb),
          1,
        ),
        formatRuns(
          results.map((r) => r.peakMb),
          1,
        ),
        formatRuns(
          results.map((r) => r.peakMb - r.beforeMb),
          1,
        ),
        formatRuns(
          results.map((r) => r.worstPingMs),
          1,
        ),
      ],
    ],
    notes: [
      `${SESSIONS} sessions held; the flood is ${Math.round(FLOOD_BYTES / 1024)} kB of \`list\` lines written at once on a hello'd connection that then never reads`,
      `RSS sampled every 100 ms for ${sampleMs} ms after the flood; another client pings meanwhile (5 s timeout: ∞ = starved)`,
    ],
  });
});
