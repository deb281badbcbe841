import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runFile } from '../../src/platform/exec-file.js';
import { pollUntil } from './poll.js';

/**
 * A real systemd user manager (FACTS.md's recipe): systemd is not PID 1 here, so it runs in a
 * private mount namespace where /run/systemd/system exists, with its own HOME and a fresh 0700
 * XDG_RUNTIME_DIR. `systemctl --user` reaches it from outside through that runtime dir.
 * Disposal asks it to exit (which stops what it started), kills it if it lingers, kills any pid
 * the test registered, and removes the tree.
 */
export interface UserManager extends AsyncDisposable {
  readonly root: string;
  readonly runtimeDir: string;
  /** HOME and the XDG dirs the manager (and so atmd) runs with; atm and systemctl use the same. */
  readonly env: NodeJS.ProcessEnv;
  systemctl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** A pid to SIGKILL at disposal if it still runs (atmd, should the manager die first). */
  track(pid: number): void;
  stderr(): string;
}

const SYSTEMD = '/lib/systemd/systemd';

/** Why the real user manager cannot run here, or null when it can. */
export function userManagerSkipReason(): string | null {
  if (process.getuid?.() !== 0) return 'a private systemd user manager needs root (unshare --mount); CI runs as root';
  if (!existsSync(SYSTEMD)) return `${SYSTEMD} is missing (apt install systemd)`;
  for (const tool of ['unshare', 'systemctl', 'systemd-analyze']) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed`;
    }
  }
  return null;
}

export async function startUserManager(extraEnv: NodeJS.ProcessEnv = {}): Promise<UserManager> {
  const root = mkdtempSync('/tmp/atm-sd-');
  const runtimeDir = join(root, 'run');
  for (const sub of ['run', 'home', 'config', 'state', 'data', 'tmux'])
    mkdirSync(join(root, sub), { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: join(root, 'home'),
    XDG_RUNTIME_DIR: runtimeDir,
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_STATE_HOME: join(root, 'state'),
    XDG_DATA_HOME: join(root, 'data'),
    TMUX_TMPDIR: join(root, 'tmux'),
    ...extraEnv,
  };
  let stderr = '';
  const manager: ChildProcess = spawn(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      `mount -t tmpfs tmpfs /run/systemd && mkdir -p /run/systemd/system && exec ${SYSTEMD} --user`,
    ],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  manager.stderr?.setEncoding('utf8').on('data', (text: string) => {
    if (stderr.length < 20_000) stderr += text;
  });
  const exited = new Promise<void>((resolve) => manager.once('exit', () => resolve()));
  const running = (): boolean => manager.exitCode === null && manager.signalCode === null;
  const tracked = new Set<number>();

  const systemctl = async (...args: string[]) => {
    const outcome = await runFile('systemctl', ['--user', ...args], { timeoutMs: 60_000, env });
    if (outcome.kind === 'exited') return { code: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr };
    return { code: -1, stdout: '', stderr: outcome.kind === 'timed-out' ? 'systemctl timed out' : outcome.kind };
  };

  const dispose = async (): Promise<void> => {
    if (running()) {
      await systemctl('exit').catch(() => undefined);
      const timer = setTimeout(() => manager.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    for (const pid of tracked) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(root, { recursive: true, force: true });
  };

  try {
    await pollUntil(() => !running() || existsSync(join(runtimeDir, 'systemd', 'private')), {
      timeoutMs: 40_000,
      what: 'the systemd user manager to open its private socket',
    });
    if (!running()) throw new Error(`systemd --user exited: ${stderr}`);
    // Wait for start-up to finish, so units we start are not queued behind default.target.
    await pollUntil(
      async () => {
        // (`is-system-running` answers "offline" outside a login session; the property is right.)
        const state = (await systemctl('show', '-p', 'SystemState', '--value')).stdout.trim();
        return state === 'running' || state === 'degraded';
      },
      { timeoutMs: 40_000, what: 'the user manager to finish starting' },
    );
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    root,
    runtimeDir,
    env,
    systemctl,
    track: (pid) => tracked.add(pid),
    stderr: () => stderr,
    [Symbol.asyncDispose]: dispose,
  };
}
