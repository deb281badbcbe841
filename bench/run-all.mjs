#!/usr/bin/env node
/**
 * Runs every bench script in bench/ (each `*.mjs` file here except this one; bench/lib holds
 * helpers), one after another so they never compete for the CPU, passing the same options
 * (`--runs N`, `--quick`) to each. Their markdown tables go straight to stdout. Scripts are
 * discovered, not listed, so a new bench joins `npm run bench` by being added to the folder.
 * Exits 1 if any script failed, after running the rest. `--list` prints the scripts it would
 * run, one a line, and runs none.
 * Usage: node bench/run-all.mjs [--runs N] [--quick] [--list]
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SELF = 'run-all.mjs';

/** The bench scripts, in name order (stable output, easy to diff between runs). */
function findBenchScripts(/** @type {string} */ dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mjs') && entry.name !== SELF)
    .map((entry) => entry.name)
    .sort();
}

/** @returns {Promise<number | null>} the script's exit code */
function runScript(/** @type {string} */ path, /** @type {string[]} */ args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path, ...args], { stdio: 'inherit' });
    child.once('exit', (code, signal) => resolve(signal === null ? code : 1));
    child.once('error', () => resolve(1));
  });
}

const dir = import.meta.dirname;
const args = process.argv.slice(2);
const scripts = findBenchScripts(dir);
if (args.includes('--list')) {
  process.stdout.write(scripts.map((script) => `${script}\n`).join(''));
  process.exit(0);
}
process.stdout.write(`Running ${scripts.length} benches: ${scripts.join(', ')}\n\n`);
const failed = [];
for (const script of scripts) {
  const code = await runScript(join(dir, script), args);
  if (code !== 0) failed.push(`${script} (exit ${code})`);
}
if (failed.length > 0) {
  process.stderr.write(`failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
