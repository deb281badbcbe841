#!/usr/bin/env node
/**
 * What a tmux status bar that shows "N waiting" costs, refreshed every second, side by side:
 * - atm: `status-right '#{@atm_status}'`: atmd keeps the option set, tmux starts no process;
 * - the old README snippet: `#(atm list --json | jq …)`: a Node process and jq every interval.
 * Both bars run at once (status-interval 1) on their own tmux server with an attached client
 * (a status line is only drawn for a client), against one real atmd holding 3 sessions, one
 * waiting. CPU is the tmux server's own time plus its reaped children's (/proc/<pid>/stat
 * fields 14–17), so the snippet's node and jq count; atmd's time for the window is shown too.
 * Usage: node bench/tmux-status-cpu.mjs [--runs N] [--quick]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseBenchArgs } from './lib/args.mjs';
import { oneShotBytes } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd } from './lib/servers.mjs';
import { formatRatio, formatRuns } from './lib/stats.mjs';
import { sendOneShot } from './lib/wire.mjs';

const REPO_ROOT = join(import.meta.dirname, '..');
const ATM_BIN = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const JQ = 'jq "map(select(.status == \\"waiting\\")) | length"';

let ticksPerSecond = 0;

/** utime + stime + cutime + cstime of `pid`, in ms: the process and every child it has reaped. */
function cpuWithChildrenMs(/** @type {number} */ pid) {
  ticksPerSecond ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = [14, 15, 16, 17].reduce((sum, field) => sum + Number(rest[field - 3]), 0);
  return (ticks * 1000) / ticksPerSecond;
}

/**
 * Gives the tmux server on `socket` a status bar refreshed every second, and attaches a client
 * to it from an outer server (a status line is only drawn for a client).
 */
function showBar(
  /** @type {string} */ socket,
  /** @type {string} */ statusRight,
  /** @type {NodeJS.ProcessEnv} */ env,
) {
  const tmux = (/** @type {string[]} */ args) =>
    execFileSync('tmux', ['-S', socket, ...args], { env, encoding: 'utf8' }).trim();
  tmux(['set-option', '-g', 'status-interval', '1']);
  tmux(['set-option', '-g', 'status-right-length', '60']);
  tmux(['set-option', '-g', 'status-right', statusRight]);
  const outer = `${socket}-outer`;
  execFileSync(
    'tmux',
    [
      '-S',
      outer,
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-x',
      '100',
      '-y',
      '10',
      `env -u TMUX tmux -S '${socket}' attach`,
    ],
    { env },
  );
  return {
    pid: Number(tmux(['display-message', '-p', '#{pid}'])),
    screen: () => execFileSync('tmux', ['-S', outer, 'capture-pane', '-p'], { encoding: 'utf8' }),
    stop: () => {
      for (const s of [outer, socket]) {
        try {
          execFileSync('tmux', ['-S', s, 'kill-server'], { stdio: 'ignore' });
        } catch {
          // gone already
        }
      }
    },
  };
}

async function waitFor(/** @type {() => boolean} */ check, /** @type {string} */ what) {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function measureOnce(/** @type {number} */ seconds) {
  const atmd = await startAtmd();
  const dir = mkdtempSync('/tmp/atmb-');
  const bars = [];
  try {
    const socket = atmd.place.tmux?.split(',')[0];
    if (socket === undefined) throw new Error('tmux is not installed');
    for (const [i, event] of ['UserPromptSubmit', 'UserPromptSubmit', 'PermissionRequest'].entries()) {
      const payload = {
        session_id: `bench-status-${i}`,
        cwd: `/src/p${i}`,
        hook_event_name: event,
        tool_name: 'Bash',
        tool_input: { command: 'make' },
      };
      if (!(await sendOneShot(atmd.socketPath, oneShotBytes('hook', payload, atmd.place))))
        throw new Error('report refused');
    }
    const env = { PATH: process.env.PATH, HOME: dir, TERM: 'xterm-256color', ATM_SOCKET: atmd.socketPath };
    // atm's bar is on the server the sessions report from: that is where atmd keeps @atm_status.
    const ours = showBar(socket, '#{@atm_status}', env);
    bars.push(ours);
    const jqSocket = join(dir, 'jq.sock');
    execFileSync('tmux', ['-S', jqSocket, '-f', '/dev/null', 'new-session', '-d', '-x', '100', '-y', '10'], { env });
    const snippet = showBar(jqSocket, `#(node ${ATM_BIN} list --json 2>/dev/null | ${JQ}) waiting`, env);
    bars.push(snippet);
    await waitFor(
      () => ours.screen().includes('1 waiting') && snippet.screen().includes('1 waiting'),
      'both bars to show 1 waiting',
    );

    const start = { atm: cpuWithChildrenMs(ours.pid), jq: cpuWithChildrenMs(snippet.pid), atmd: atmd.cpuMs() };
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return {
      atm: cpuWithChildrenMs(ours.pid) - start.atm,
      jq: cpuWithChildrenMs(snippet.pid) - start.jq,
      atmd: atmd.cpuMs() - start.atmd,
    };
  } finally {
    for (const bar of bars) bar.stop();
    rmSync(dir, { recursive: true, force: true });
    await atmd.stop();
  }
}

runBench(async () => {
  const args = parseBenchArgs(process.argv.slice(2), { runs: 3 });
  const seconds = args.quick ? 3 : 60;
  const runs = [];
  for (let i = 0; i < (args.quick ? 1 : args.runs); i += 1) runs.push(await measureOnce(seconds));
  const atm = runs.map((r) => r.atm);
  const jq = runs.map((r) => r.jq);
  const atmd = runs.map((r) => r.atmd);
  printReport({
    title: `tmux status bar, refreshed every second for ${seconds} s`,
    args,
    header: ['status-right', `CPU ms in ${seconds} s (tmux + children)`, 'CPU ms per refresh', 'the snippet uses'],
    rows: [
      [
        '`#{@atm_status}` (atm)',
        formatRuns(atm),
        formatRuns(
          atm.map((v) => v / seconds),
          2,
        ),
        formatRatio(jq, atm),
      ],
      [
        '`#(atm list --json \| jq …)` (old README)',
        formatRuns(jq),
        formatRuns(
          jq.map((v) => v / seconds),
          1,
        ),
        '×1.00',
      ],
    ],
    notes: [
      `both bars ran at the same time against one atmd with 3 sessions (1 waiting); atmd itself used ${formatRuns(atmd)} ms in the window, serving the snippet's \`list\` requests (the option costs it nothing while nothing changes)`,
      'CPU is /proc/<tmux server pid>/stat utime+stime+cutime+cstime: the server and the status jobs it ran and reaped',
    ],
  });
});
