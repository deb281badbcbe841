import { spawn, type ChildProcess } from 'node:child_process';

/** A stand-in for an agent process (a `sleep`), killed on dispose. */
export interface FakeAgent extends AsyncDisposable {
  readonly pid: number;
  readonly process: ChildProcess;
  /** Kills it and waits until it has exited (and been reaped). */
  kill(): Promise<void>;
}

export function spawnAgent(): FakeAgent {
  const child = spawn('sleep', ['3600'], { stdio: 'ignore' });
  if (child.pid === undefined) throw new Error('cannot spawn sleep');
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { pid, process: child, kill, [Symbol.asyncDispose]: kill };
}

/** Several fake agents disposed together. */
export function spawnAgents(count: number): FakeAgent[] & AsyncDisposable {
  const agents = Array.from({ length: count }, () => spawnAgent());
  return Object.assign(agents, {
    [Symbol.asyncDispose]: async () => {
      await Promise.all(agents.map((agent) => agent.kill()));
    },
  });
}
