import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answers } from '../../platform/socket-probe.js';
import { AtmError } from '../../shared/errors.js';
import { DEMO_AGENTS, type DemoAgent } from './demo-script.js';

/** Where a demo agent runs: its process (the pid atmd watches) and, with tmux, its pane. */
export interface DemoPlace {
  readonly agent: DemoAgent;
  readonly pid: number;
  readonly pane: string | null;
  readonly tmuxEnv: string | null;
}

/**
 * Everything `atm demo` runs, private to it: a temp dir with its own XDG tree, its own atmd on
 * a socket in there (the user's daemon and registry are never touched), a private tmux server
 * whose windows stand for the agents when tmux exists (else plain `sleep` processes), all torn
 * down on dispose.
 */
export interface DemoWorld extends AsyncDisposable {
  readonly dir: string;
  readonly socketPath: string;
  readonly env: NodeJS.ProcessEnv;
  readonly places: readonly DemoPlace[];
  /** The private tmux server's socket, or null without tmux. */
  readonly tmuxSocket: string | null;
}

const DAEMON_ENTRY = fileURLToPath(new URL('../../daemon/main.js', import.meta.url));
const START_TIMEOUT_MS = 10_000;

export async function createDemoWorld(baseEnv: NodeJS.ProcessEnv): Promise<DemoWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'atm-demo-'));
  const children: ChildProcess[] = [];
  let tmuxSocket: string | null = null;
  const cleanup = async (): Promise<void> => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => exited(child)));
    if (tmuxSocket !== null) spawnSync('tmux', ['-S', tmuxSocket, 'kill-server'], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const sub of ['run', 'state', 'config', 'data', 'home', 'src']) mkdirSync(join(dir, sub), { mode: 0o700 });
    const socketPath = join(dir, 'run', 'atm.sock');
    const env: NodeJS.ProcessEnv = {
      PATH: baseEnv.PATH,
      LANG: baseEnv.LANG ?? 'C.UTF-8',
      HOME: join(dir, 'home'),
      XDG_RUNTIME_DIR: join(dir, 'run'),
      XDG_STATE_HOME: join(dir, 'state'),
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
      CLAUDE_CONFIG_DIR: join(dir, 'home', '.claude'),
      TMUX_TMPDIR: dir,
      ATM_SOCKET: socketPath,
    };
    const agents = DEMO_AGENTS.map((agent) => ({ ...agent, dir: join(dir, 'src', agent.project) }));
    for (const agent of agents) mkdirSync(agent.dir, { recursive: true });
    const tmux = startTmux(dir, env, agents);
    tmuxSocket = tmux?.socket ?? null;
    const places = tmux?.places ?? agents.map((agent) => spawnSleeper(agent, children));
    const daemon = spawn(process.execPath, [DAEMON_ENTRY], { env, stdio: 'ignore' });
    children.push(daemon);
    await waitForDaemon(socketPath, daemon);
    return { dir, socketPath, env, places, tmuxSocket, [Symbol.asyncDispose]: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function spawnSleeper(agent: DemoAgent, children: ChildProcess[]): DemoPlace {
  const child = spawn('sleep', ['3600'], { stdio: 'ignore' });
  children.push(child);
  if (child.pid === undefined) throw new AtmError('internal', 'atm demo could not start a stand-in agent (sleep)');
  return { agent, pid: child.pid, pane: null, tmuxEnv: null };
}

/**
 * A private tmux server with one window per agent, each running `sleep`: the default server of
 * the demo's own TMUX_TMPDIR, which is also the only one the demo's atmd can see.
 */
function startTmux(dir: string, env: NodeJS.ProcessEnv, agents: readonly DemoAgent[]) {
  if (spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status !== 0) return null;
  const socket = join(dir, `tmux-${process.getuid?.() ?? 0}`, 'default');
  const run = (...args: string[]): string =>
    spawnSync('tmux', ['-u', '-L', 'default', '-f', '/dev/null', ...args], { env, encoding: 'utf8' }).stdout.trim();
  const places: DemoPlace[] = [];
  const format = '#{pane_id} #{pane_pid} #{pid} #{session_id}';
  for (const [i, agent] of agents.entries()) {
    const first = i === 0;
    const args = first
      ? ['new-session', '-d', '-s', 'work', '-n', agent.window, '-x', '160', '-y', '45', '-P', '-F', format]
      : ['new-window', '-d', '-t', 'work', '-n', agent.window, '-P', '-F', format];
    const [pane = '', pid = '', serverPid = '', session = ''] = run(...args, '-c', agent.dir, 'sleep 3600').split(' ');
    if (!/^%\d+$/.test(pane) || !/^\d+$/.test(pid)) return null;
    places.push({ agent, pid: Number(pid), pane, tmuxEnv: `${socket},${serverPid},${session.replace('$', '')}` });
  }
  return { socket, places };
}

async function waitForDaemon(socketPath: string, daemon: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (daemon.exitCode !== null) break;
    if (await answers(socketPath, 300)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new AtmError('daemon-unreachable', "atm demo's private atmd did not start", {
    hint: 'run `npm run build` first; `atmd` in a terminal shows why it fails',
  });
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
