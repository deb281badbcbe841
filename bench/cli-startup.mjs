#!/usr/bin/env node
/**
 * CLI start-up: wall time of `atm --version`, `atm --help`, `atm list` (against a real atmd with
 * 5 sessions) and the hot-path `atm hook` with empty stdin (no daemon needed for it to exit),
 * each against a bare `node -e 0`, run side by side: every round runs each command once, in turn,
 * so a neighbour's load hits them all alike. Goal (issue 9): --version and --help at most 1.3×
 * node's own start-up.
 * Usage: [ATM_BENCH_BASELINE=other/dist/cli/main.js] node bench/cli-startup.mjs [--runs N] [--quick]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBenchArgs } from './lib/args.mjs';
import { oneShotBytes, sessionIdFor, toolHookPayload } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd } from './lib/servers.mjs';
import { formatRatio, formatRuns } from './lib/stats.mjs';
import { sendOneShot } from './lib/wire.mjs';

const ATM_MAIN = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const GOAL = 1.3;
const BASELINE = process.env.ATM_BENCH_BASELINE;

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2), { runs: 5 });
  const rounds = args.quick ? 3 : 30;
  const atmd = await startAtmd({}, { tmux: false });
  try {
    for (let i = 0; i < 5; i += 1) {
      if (!(await sendOneShot(atmd.socketPath, oneShotBytes('hook', toolHookPayload(sessionIdFor(i), 1)))))
        throw new Error('atmd did not take a report');
    }
    const env = { PATH: process.env.PATH, HOME: '/nonexistent', ATM_SOCKET: atmd.socketPath };
    const commands = [
      ['node -e 0', ['-e', '0']],
      // The floor of any ES module entry: Node's ESM loader for one empty file (atm's bin is one).
      ['node empty.mjs', [join(import.meta.dirname, 'lib', 'empty-module.mjs')]],
      ['atm --version', [ATM_MAIN, '--version']],
      ['atm --help', [ATM_MAIN, '--help']],
      ['atm list', [ATM_MAIN, 'list']],
      ['atm hook (stdin empty)', [ATM_MAIN, 'hook']],
      ['atm statusline (stdin empty)', [ATM_MAIN, 'statusline']],
      // ATM_BENCH_BASELINE=<another build's dist/cli/main.js>: the same commands of that build,
      // side by side (docs/PERFORMANCE.md compares with the build before the command table).
      ...(BASELINE === undefined
        ? []
        : [
            ['baseline atm --version', [BASELINE, '--version']],
            ['baseline atm --help', [BASELINE, '--help']],
            ['baseline atm hook (stdin empty)', [BASELINE, 'hook']],
            ['baseline atm statusline (stdin empty)', [BASELINE, 'statusline']],
          ]),
    ];
    /** @type {number[][]} one list of per-run medians per command */
    const medians = commands.map(() => []);
    for (let run = 0; run < args.runs; run += 1) {
      const times = commands.map(() => /** @type {number[]} */ ([]));
      for (let round = 0; round < rounds; round += 1) {
        commands.forEach(([name, argv], index) => {
          const started = performance.now();
          const result = spawnSync(process.execPath, argv, { env, input: '', stdio: ['pipe', 'pipe', 'pipe'] });
          if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
          times[index]?.push(performance.now() - started);
        });
      }
      times.forEach((list, index) =>
        medians[index]?.push(list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0),
      );
    }
    const base = medians[0] ?? [];
    printReport({
      title: 'CLI start-up (wall time per command)',
      args,
      header: ['command', 'ms', 'vs node -e 0'],
      rows: commands.map(([name], index) => [
        name,
        formatRuns(medians[index] ?? [], 1),
        formatRatio(medians[index] ?? [], base),
      ]),
      notes: [
        `each run: the median of ${rounds} rounds, every round running each command once, in turn`,
        `goal: --version and --help at most ×${GOAL} of node -e 0; atm list waits for a real atmd with 5 sessions`,
      ],
    });
  } finally {
    await atmd.stop();
  }
});
