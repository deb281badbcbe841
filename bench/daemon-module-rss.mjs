#!/usr/bin/env node
/**
 * Each dependency's share of atmd's memory: a fresh Node process imports one set of modules
 * (bench/lib/module-rss-probe.mjs) and reports its resident set (VmRSS, with its anonymous part:
 * the V8 heap and malloc; the rest is the node binary's pages it touched), next to a process that
 * imports nothing. "atm's daemon modules" is what atmd's entry loads before it listens
 * (dist/daemon/run-daemon.js and everything it imports, zod and winston included); the row
 * without the logger shows what winston adds to that graph, the "+" rows what atmd loads only
 * when it needs it (a config file: cosmiconfig; desktop notifications: dbus-next). terminal-kit is the
 * dashboard's, listed for scale: atmd never loads it.
 * Usage: node bench/daemon-module-rss.mjs [--runs N] [--quick]
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { parseBenchArgs } from './lib/args.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { formatRuns, median } from './lib/stats.mjs';

const run = promisify(execFile);
const PROBE = join(import.meta.dirname, 'lib', 'module-rss-probe.mjs');
const DIST = join(import.meta.dirname, '..', 'dist');

/**
 * The modules dist/daemon/run-daemon.js imports, as paths from the repository root, so a row can
 * load atmd's start-up graph without one of them.
 */
function runDaemonImports() {
  const source = readFileSync(join(DIST, 'daemon', 'run-daemon.js'), 'utf8');
  return [...source.matchAll(/^import .* from '(\.[^']+)';$/gm)].map(
    (match) => `./${relative(join(DIST, '..'), join(DIST, 'daemon', /** @type {string} */ (match[1])))}`,
  );
}

/** @typedef {{ label: string, modules: string[] }} Case */

/** @type {Case[]} */
const CASES = [
  { label: 'bare Node (an ES module that imports nothing)', modules: [] },
  { label: 'zod', modules: ['zod'] },
  { label: 'winston + winston-daily-rotate-file', modules: ['winston', 'winston-daily-rotate-file'] },
  { label: 'cosmiconfig', modules: ['cosmiconfig'] },
  { label: 'dbus-next', modules: ['dbus-next'] },
  { label: 'terminal-kit (the dashboard; atmd never loads it)', modules: ['terminal-kit'] },
  { label: "atm's daemon modules (run-daemon.js: zod, winston, …)", modules: ['./dist/daemon/run-daemon.js'] },
  {
    label: 'the same without the logger (winston-logger.js, so winston + its transport)',
    modules: runDaemonImports().filter((path) => !path.endsWith('/winston-logger.js')),
  },
  {
    label: '+ cosmiconfig (read a config file)',
    modules: ['./dist/daemon/run-daemon.js', './dist/platform/cosmiconfig-config-source.js'],
  },
  {
    label: '+ dbus-next (desktop notifications)',
    modules: ['./dist/daemon/run-daemon.js', './dist/integrations/dbus/dbus-next-notifications.js'],
  },
];

/** @param {Case} testCase */
async function probe(testCase) {
  const args = [PROBE, ...testCase.modules];
  const { stdout } = await run(process.execPath, args, { env: { PATH: process.env.PATH } });
  return /** @type {{ rssKb: number, anonKb: number, fileKb: number, heapUsedKb: number }} */ (JSON.parse(stdout));
}

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2));
  if (!existsSync(join(DIST, 'daemon', 'run-daemon.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const cases = args.quick ? CASES.slice(0, 2) : CASES;
  /** @type {Map<Case, Awaited<ReturnType<typeof probe>>[]>} */
  const results = new Map(cases.map((c) => [c, []]));
  // Round after round, every case once per round, so a neighbour's load hits all alike.
  for (let round = 0; round < args.runs; round += 1) {
    for (const testCase of cases) results.get(testCase)?.push(await probe(testCase));
  }
  const mib = (/** @type {number[]} */ kbs) => kbs.map((kb) => kb / 1024);
  const bare = /** @type {Awaited<ReturnType<typeof probe>>[]} */ (results.get(CASES[0]));
  const bareRss = median(mib(bare.map((r) => r.rssKb)));
  const rows = [...results].map(([testCase, runs]) => {
    const rss = mib(runs.map((r) => r.rssKb));
    return [
      testCase.label,
      formatRuns(rss, 1),
      testCase === CASES[0] ? '—' : `+${(median(rss) - bareRss).toFixed(1)}`,
      formatRuns(mib(runs.map((r) => r.anonKb)), 1),
      formatRuns(mib(runs.map((r) => r.fileKb)), 1),
      formatRuns(mib(runs.map((r) => r.heapUsedKb)), 1),
    ];
  });
  printReport({
    title: "atmd's modules: each dependency's share of memory (MiB)",
    args,
    header: ['imported in a fresh node', 'VmRSS', 'over bare Node', 'RssAnon', 'RssFile', 'heap used'],
    rows,
    notes: [
      'each row is its own node process, which imports the modules, waits 300 ms and reads /proc/self/status',
      'RssAnon: the V8 heap (with its young generation as sized so far) and malloc; RssFile: pages of the node binary and libraries the process touched',
    ],
  });
});
