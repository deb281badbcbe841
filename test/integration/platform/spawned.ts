import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * Real processes for process-table tests, killed and reaped on dispose. `firstLine` is the
 * first line the process prints (scripts print the pid of a grandchild there).
 */
export interface Spawned extends AsyncDisposable {
  readonly child: ChildProcess;
  readonly pid: number;
  firstLine(): Promise<string>;
  /** SIGKILL and wait until node has reaped it, so /proc and ps no longer show it. */
  kill(): Promise<void>;
}

export function spawnProcess(file: string, args: readonly string[]): Spawned {
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.pid === undefined) throw new Error(`cannot spawn ${file}`);
  const exited = once(child, 'exit');
  let output = '';
  const line = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const end = output.indexOf('\n');
      if (end !== -1) resolve(output.slice(0, end));
    });
    child.once('exit', () => reject(new Error(`${file} exited before printing a line`)));
  });
  line.catch(() => undefined);
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { child, pid: child.pid, firstLine: () => line, kill, [Symbol.asyncDispose]: kill };
}

/** Polls `check` until it holds (every 10 ms, up to `timeoutMs`); never a fixed sleep. */
export async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Kills a pid we did not spawn directly (a grandchild), ignoring "already gone". */
export function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
