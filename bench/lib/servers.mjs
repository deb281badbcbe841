import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { NO_PLACE, startTmuxServer } from './tmux-server.mjs';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
/** `ATM_BENCH_ATMD` points the benches at another build (say, a candidate fix) to compare. */
const ATMD_BIN = process.env.ATM_BENCH_ATMD ?? join(REPO_ROOT, 'dist', 'daemon', 'main.js');
const BASELINE_BIN = join(import.meta.dirname, 'baseline-server.mjs');

/**
 * @typedef {object} ServerProcess a server under test, in its own process and temp dir
 * @property {'atmd' | 'baseline'} name
 * @property {string} socketPath
 * @property {number} pid
 * @property {() => number} rssKb VmRSS of the process now, from /proc/<pid>/status
 * @property {() => number} cpuMs user + system CPU time the process has used so far
 * @property {import('./tmux-server.mjs').Place} place what reports to this server give as
 *   `$TMUX_PANE`/`$TMUX` (atmd: a pane of its private tmux server, when tmux is installed)
 * @property {() => Promise<void>} stop SIGTERM (SIGKILL after 5 s), wait for exit, remove the temp dir
 */

/** Every child still running, so a crashing bench does not leave daemons behind. */
const live = new Set();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * A real atmd from dist/ in a fresh XDG tree (short /tmp path: socket paths must stay < ~100
 * bytes), configured through `$XDG_CONFIG_HOME/atm/config.json` like a user would, with a
 * private tmux server for its sessions' pane (see tmux-server.mjs) unless `tmux` is false.
 * @param {Record<string, unknown>} [daemonConfig] the `daemon` section of the config file
 * @param {{ tmux?: boolean, bin?: string }} [options] `bin`: another build's dist/daemon/main.js
 * @returns {Promise<ServerProcess>}
 */
export async function startAtmd(daemonConfig = {}, options = {}) {
  const bin = options.bin ?? ATMD_BIN;
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first`);
  const dir = mkdtempSync('/tmp/atmb-');
  for (const sub of ['home', 'run', 'state', 'config/atm']) mkdirSync(join(dir, sub), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'config', 'atm', 'config.json'), JSON.stringify({ daemon: daemonConfig }));
  const env = {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    XDG_RUNTIME_DIR: join(dir, 'run'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CONFIG_HOME: join(dir, 'config'),
  };
  const tmux = options.tmux === false ? null : startTmuxServer(dir);
  try {
    const server = await launch('atmd', [...atmdNodeFlags(), bin], env, dir, join(dir, 'run', 'atm.sock'));
    const stop = server.stop;
    // tmux first: its socket lives in the directory that stopping atmd removes.
    const stopBoth = () => {
      tmux?.stop();
      return stop();
    };
    return { ...server, place: tmux?.place ?? NO_PLACE, stop: stopBoth };
  } catch (error) {
    tmux?.stop();
    throw error;
  }
}

/** Node options atmd is launched with: `ATM_BENCH_ATMD_NODE_FLAGS` (space-separated) overrides. */
function atmdNodeFlags() {
  const given = process.env.ATM_BENCH_ATMD_NODE_FLAGS;
  return given === undefined ? [] : given.split(' ').filter((flag) => flag !== '');
}

/** The do-nothing Unix-socket server of baseline-server.mjs, in its own process. */
export function startBaseline() {
  const dir = mkdtempSync('/tmp/atmb-');
  const socketPath = join(dir, 'base.sock');
  return launch('baseline', [BASELINE_BIN, socketPath], { PATH: process.env.PATH }, dir, socketPath).then((server) => ({
    ...server,
    // The same shape as atmd's, so both servers read the same number of bytes per report.
    place: { pane: '%0', tmux: `${socketPath},0,0` },
  }));
}

/**
 * @param {'atmd' | 'baseline'} name
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} dir
 * @param {string} socketPath
 * @returns {Promise<ServerProcess>}
 */
async function launch(name, args, env, dir, socketPath) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
  const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => live.delete(child));
  const deadline = Date.now() + 15_000;
  while (!(await answers(socketPath))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${name} did not start on ${socketPath}: ${stderr.trim() || 'no answer'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const pid = /** @type {number} */ (child.pid);
  return {
    name,
    socketPath,
    pid,
    place: NO_PLACE,
    rssKb: () => readVmRssKb(pid),
    cpuMs: () => readCpuMs(pid),
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** @param {string} socketPath */
function answers(socketPath) {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Resident set size in KiB, as the kernel counts it (what `top` and the daemon's own log show).
 * @param {number} pid
 */
export function readVmRssKb(pid) {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match?.[1] === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Clock ticks per second of /proc/<pid>/stat's times (100 on every common Linux). */
let ticksPerSecond = 0;

/**
 * CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat fields 14 and 15.
 * Resolution is one clock tick (10 ms), so measure over thousands of reports.
 * @param {number} pid
 */
export function readCpuMs(pid) {
  if (ticksPerSecond === 0)
    ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the last ")" (comm may hold spaces) start at field 3, so field N is rest[N - 3].
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(rest[14 - 3]) + Number(rest[15 - 3])) * 1000) / ticksPerSecond;
}
