/**
 * Child of bench/daemon-module-rss.mjs: imports the given modules (bare names or paths relative
 * to the repository root), waits a moment, and prints one JSON line with its memory.
 * Usage: node bench/lib/module-rss-probe.mjs [module...]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
for (const spec of args) await import(spec.startsWith('.') ? pathToFileURL(join(REPO_ROOT, spec)).href : spec);
// Let the event loop settle (a timer, as atmd would) before reading.
await new Promise((resolve) => setTimeout(resolve, 300));
const status = readFileSync('/proc/self/status', 'utf8');
const kb = (/** @type {string} */ key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
const { heapUsed } = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ rssKb: kb('VmRSS'), anonKb: kb('RssAnon'), fileKb: kb('RssFile'), heapUsedKb: heapUsed / 1024 })}\n`,
);
