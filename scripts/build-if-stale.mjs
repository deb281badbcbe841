#!/usr/bin/env node
/* global process, console */
/* eslint-disable no-console -- a developer script: its output is for the terminal */
// `npm start` runs this first: it builds (tsc -p tsconfig.build.json) only when an input of the
// build changed since the last build it made, so a second `npm start` skips the ~5 s compile.
// The inputs are every file under src/ plus the tsconfigs and package.json; their sizes and
// mtimes, as found right before that build, are kept in dist/.build-inputs.json. Any added,
// removed, resized or re-timed file (an edit, a checkout, a pull) means a build. `npm test` and
// `npm run build` always build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(ROOT, 'dist', '.build-inputs.json');
const ENTRY = join(ROOT, 'dist', 'cli', 'main.js');
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

function snapshot() {
  const files = [...listFiles(join(ROOT, 'src')), ...CONFIGS.map((name) => join(ROOT, name)).filter(existsSync)];
  const entries = files.map((path) => {
    const info = statSync(path);
    return [relative(ROOT, path), `${info.size}:${Math.trunc(info.mtimeMs)}`];
  });
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

function isCurrent(now) {
  if (!existsSync(ENTRY) || !existsSync(STAMP)) return false;
  try {
    const before = JSON.parse(readFileSync(STAMP, 'utf8'));
    const keys = Object.keys(now);
    return keys.length === Object.keys(before).length && keys.every((key) => before[key] === now[key]);
  } catch {
    return false;
  }
}

const inputs = snapshot();
if (!isCurrent(inputs)) {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('npm start: the build failed (see above); fix it, then run npm start again');
    process.exit(built.status ?? 1);
  }
  // The inputs as they were when the build began: a file saved during the build rebuilds next time.
  writeFileSync(STAMP, `${JSON.stringify(inputs)}\n`);
}
