#!/usr/bin/env node
/**
 * How long `npm start` takes to show the dashboard's first screen when nothing changed since
 * the last build: now (scripts/build-if-stale.mjs skips tsc) against the baseline, the former
 * `npm run build --silent && node dist/cli/main.js`, run side by side, alternating. Each run
 * starts `npm start` in a fresh private tmux window and polls capture-pane until the header and
 * the key hints are on screen, with atmd already running on a private socket (its start-up is
 * not what is measured). Usage: node bench/npm-start.mjs [--runs N] [--quick]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './lib/args.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { formatRatio, formatRuns } from './lib/stats.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2), { runs: 5 });
  const runs = args.quick ? 1 : args.runs;
  const dir = mkdtempSync(join(tmpdir(), 'atm-bstart-'));
  const server = `atm-bench-start-${process.pid}`;
  for (const sub of ['home', 'run', 'state', 'config']) mkdirSync(join(dir, sub), { recursive: true });
  const env = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: join(dir, 'home'),
    XDG_RUNTIME_DIR: join(dir, 'run'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    TMUX_TMPDIR: dir,
  };
  const tmux = (...a) => execFileSync('tmux', ['-u', '-L', server, '-f', '/dev/null', ...a], { env, encoding: 'utf8' });
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'daemon', 'start'], { env, stdio: 'ignore' });
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs')], { stdio: 'ignore' }); // dist current
    tmux('new-session', '-d', '-s', 'bench', '-x', '120', '-y', '30', 'sleep 3600');
    const firstScreenMs = async (command) => {
      const started = performance.now();
      tmux('new-window', '-t', 'bench', '-n', 'run', '-c', ROOT, 'sh', '-c', command);
      for (;;) {
        const screen = tmux('capture-pane', '-p', '-t', 'bench:run');
        if (/^atm /m.test(screen) && screen.includes('q quit')) break;
        if (performance.now() - started > 60_000) throw new Error(`no first screen after 60 s:\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const elapsed = performance.now() - started;
      tmux('send-keys', '-t', 'bench:run', 'q');
      while (tmux('list-windows', '-t', 'bench', '-F', '#{window_name}').includes('run'))
        await new Promise((resolve) => setTimeout(resolve, 20));
      return elapsed;
    };
    const now = [];
    const baseline = [];
    for (let i = 0; i < runs; i += 1) {
      now.push(await firstScreenMs(`${NPM} start --silent`));
      baseline.push(await firstScreenMs(`${NPM} run build --silent && node dist/cli/main.js`));
    }
    printReport({
      title: 'npm start: time to the first screen, nothing changed since the last build',
      args,
      header: ['command', 'ms to first screen', 'baseline ÷ now'],
      rows: [
        ['npm start (build skipped: dist is current)', formatRuns(now), formatRatio(baseline, now)],
        ['baseline: npm run build && node dist/cli/main.js', formatRuns(baseline), ''],
      ],
      notes: ['atmd already running on a private socket; 120x30 tmux window; polled every 10 ms with capture-pane'],
    });
  } finally {
    spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'daemon', 'stop'], { env, stdio: 'ignore' });
    spawnSync('tmux', ['-L', server, 'kill-server'], { env, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
});
