import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollFor, pollUntil } from './poll.js';
import { makeTempDir } from './temp-dir.js';

/**
 * A real notification server on a private session bus (the FACTS.md recipe): `dbus-daemon`,
 * `Xvfb`, `dunst` on that display and bus, and `dbus-monitor` recording every call on
 * org.freedesktop.Notifications. Disposal stops all four and removes the directory.
 */
export interface NotificationServer extends AsyncDisposable {
  readonly dir: string;
  /** `unix:path=<dir>/bus`, for DBUS_SESSION_BUS_ADDRESS. */
  readonly address: string;
  /** Every Notify, CloseNotification and signal the monitor saw so far, parsed. */
  calls(): MonitoredCall[];
  /** Runs dunstctl on this bus; returns its stdout. */
  dunstctl(...args: string[]): string;
}

export interface MonitoredCall {
  readonly kind: 'method call' | 'signal' | 'method return';
  readonly member: string;
  /** When the bus carried it (dbus-monitor's time=), epoch ms. */
  readonly atMs: number;
  /** The arguments as dbus-monitor printed them: strings and numbers, arrays flattened. */
  readonly args: string[];
}

const TOOLS = ['dbus-daemon', 'Xvfb', 'dunst', 'dunstctl', 'dbus-monitor'];

/** Null when every tool is installed, else which one is missing. */
export function notificationServerSkipReason(): string | null {
  for (const tool of TOOLS) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed`;
  }
  return null;
}

let nextDisplay = 40 + (process.pid % 200);

export async function startNotificationServer(): Promise<NotificationServer> {
  const temp = makeTempDir('atm-dbus-');
  const dir = temp.path;
  const bus = join(dir, 'bus');
  const address = `unix:path=${bus}`;
  const children: ChildProcess[] = [];
  const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    return child;
  };
  const dispose = async (): Promise<void> => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    temp[Symbol.dispose]();
  };
  try {
    run('dbus-daemon', ['--session', `--address=${address}`, '--nofork', '--nopidfile']);
    await pollUntil(() => existsSync(bus), { what: 'dbus-daemon to create its socket' });
    const display = await startXvfb(run, dir);
    const home = join(dir, 'home');
    mkdirSync(join(home, '.config', 'dunst'), { recursive: true });
    // No sticky history surprises: everything shown stays until closed, and nothing is idle-paused.
    writeFileSync(join(home, '.config', 'dunst', 'dunstrc'), '[global]\n    idle_threshold = 0\n');
    const env = { PATH: process.env.PATH, HOME: home, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: address };
    let monitorText = '';
    const monitor = run('dbus-monitor', ['--address', address, "interface='org.freedesktop.Notifications'"], env);
    monitor.stdout?.setEncoding('utf8').on('data', (text: string) => (monitorText += text));
    const dunst = run('dunst', [], env);
    const dunstctl = (...args: string[]): string => {
      const result = spawnSync('dunstctl', args, { env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`dunstctl ${args.join(' ')} failed: ${result.stderr}`);
      return result.stdout;
    };
    await pollFor(() => (dunst.exitCode === null ? dunstctl('is-paused').trim() === 'false' || undefined : undefined), {
      what: 'dunst to answer on the bus',
      timeoutMs: 20_000,
    });
    await pollUntil(() => monitorText.includes('NameAcquired') || monitorText.includes('member='), {
      what: 'dbus-monitor to start',
    });
    return { dir, address, calls: () => parseMonitor(monitorText), dunstctl, [Symbol.asyncDispose]: dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Xvfb on the first free display from a per-process start; waits for its socket. */
async function startXvfb(run: (c: string, a: string[]) => ChildProcess, dir: string): Promise<string> {
  for (let tries = 0; tries < 20; tries += 1) {
    const n = nextDisplay++;
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const xvfb = run('Xvfb', [`:${n}`, '-nolisten', 'tcp', '-screen', '0', '640x480x24']);
    const up = await pollFor(
      () => (xvfb.exitCode !== null ? false : existsSync(`/tmp/.X11-unix/X${n}`) ? true : undefined),
      { what: `Xvfb :${n} (${dir})`, timeoutMs: 20_000 },
    );
    if (up) return `:${n}`;
  }
  throw new Error('no free X display for Xvfb');
}

/** dbus-monitor's text: a header line per message, then indented arguments. */
export function parseMonitor(text: string): MonitoredCall[] {
  const calls: { kind: MonitoredCall['kind']; member: string; atMs: number; args: string[] }[] = [];
  for (const line of text.split('\n')) {
    const header = /^(method call|signal|method return) time=([\d.]+) .*?(?:member=(\w+))?$/.exec(line);
    if (header !== null) {
      const atMs = Math.round(Number(header[2]) * 1000);
      calls.push({ kind: header[1] as MonitoredCall['kind'], member: header[3] ?? '', atMs, args: [] });
      continue;
    }
    const value = /^\s+(?:variant\s+)?(?:string|uint32|int32|byte|int64|boolean) (.*)$/.exec(line);
    const last = calls.at(-1);
    if (value !== null && last !== undefined) last.args.push(value[1]?.replace(/^"(.*)"$/, '$1') ?? '');
  }
  return calls.filter((call) => call.member !== 'NameAcquired' && call.member !== 'NameLost');
}
