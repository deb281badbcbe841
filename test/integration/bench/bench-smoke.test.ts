import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/built.js';
import { runCli } from '../../helpers/run-cli.js';

/**
 * The daemon benches still run: each one, in quick mode with one run, against a real atmd from
 * dist/, exits 0 and prints a markdown table with figures. No timing is asserted: the numbers
 * belong in docs/PERFORMANCE.md, measured by `npm run bench`, not in a test.
 */
const BENCH_DIR = join(REPO_ROOT, 'bench');
const DAEMON_BENCHES = [
  'cli-startup.mjs',
  'daemon-ingest.mjs',
  'daemon-latency.mjs',
  'daemon-rss.mjs',
  'daemon-module-rss.mjs',
  'daemon-pipeline-rss.mjs',
  'daemon-idle-cpu.mjs',
  'hook-burst.mjs',
  'tui-render.mjs',
  'tmux-status-cpu.mjs',
] as const;

const runNode = (args: string[]) =>
  runCli(args, { bin: process.execPath, env: process.env, cwd: REPO_ROOT, timeoutMs: 90_000 });
const benchTempDirs = (): string[] => readdirSync('/tmp').filter((name) => name.startsWith('atmb-'));

describe('daemon benches (smoke)', () => {
  it.each(DAEMON_BENCHES)(
    '%s --quick --runs 1 exits 0 and prints a table of figures',
    { timeout: 120_000 },
    async (script) => {
      const before = new Set(benchTempDirs());
      const result = await runNode([join(BENCH_DIR, script), '--quick', '--runs', '1']);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      const header = lines.findIndex((line, i) => /^\|.*\|$/.test(line) && /^\|( --- \|)+$/.test(lines[i + 1] ?? ''));
      expect(header, result.stdout).toBeGreaterThanOrEqual(0);
      const firstRow = lines[header + 2] ?? '';
      expect(firstRow).toMatch(/^\|.*\d.*\|$/);
      expect(benchTempDirs().filter((name) => !before.has(name))).toEqual([]);
    },
  );

  it('run-all discovers every bench script but not its helpers or itself', async () => {
    const result = await runNode([join(BENCH_DIR, 'run-all.mjs'), '--list']);

    expect(result.code).toBe(0);
    const listed = result.stdout.trim().split('\n');
    expect(listed).toEqual(expect.arrayContaining([...DAEMON_BENCHES]));
    expect(listed.every((name) => name.endsWith('.mjs') && name !== 'run-all.mjs' && !name.includes('/'))).toBe(true);
  });

  it('a bench refuses an unknown option instead of running its defaults', async () => {
    const result = await runNode([join(BENCH_DIR, 'daemon-rss.mjs'), '--quick', '--rnus', '1']);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--rnus');
  });
});
