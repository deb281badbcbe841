import { Daemon, type DaemonDeps } from '../../src/daemon/daemon.js';
import type { ProcessProbe } from '../../src/daemon/daemon-ports.js';
import type { RegistryObserver, SessionTransition } from '../../src/daemon/registry-observer.js';
import { createClaudeAgent } from '../../src/integrations/claude/agent.js';
import { DEFAULT_CONFIG } from '../../src/platform/config-schema.js';
import type { LogFields, Logger } from '../../src/platform/logger.js';

/**
 * Fakes of atmd's ports, for in-process tests of the Daemon's failure paths (a probe that
 * rejects, a pid that changes mid-pass, a clock that jumps), which a spawned atmd cannot show.
 */

export interface LogEntry {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly message: string;
  readonly fields: LogFields | undefined;
}

/** A logger that keeps what it is told, to assert on. */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];
  error(message: string, fields?: LogFields): void {
    this.entries.push({ level: 'error', message, fields });
  }
  warn(message: string, fields?: LogFields): void {
    this.entries.push({ level: 'warn', message, fields });
  }
  info(message: string, fields?: LogFields): void {
    this.entries.push({ level: 'info', message, fields });
  }
  debug(message: string, fields?: LogFields): void {
    this.entries.push({ level: 'debug', message, fields });
  }
  child(): Logger {
    return this;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
  messages(level?: LogEntry['level']): string[] {
    return this.entries.filter((e) => level === undefined || e.level === level).map((e) => e.message);
  }
}

/** A process table by hand: `alive` maps a pid to its start time; a function may replace the answer. */
export class FakeProcesses implements ProcessProbe {
  readonly alive = new Map<number, string>();
  startTimeImpl: ((pid: number) => Promise<string | null>) | null = null;
  startTime(pid: number): Promise<string | null> {
    if (this.startTimeImpl !== null) return this.startTimeImpl(pid);
    return Promise.resolve(this.alive.get(pid) ?? null);
  }
  resolveAgentPid(fromPid: number): Promise<number> {
    return Promise.resolve(fromPid);
  }
}

/** An observer that records every transition, and the order observers were called in. */
export class RecordingObserver implements RegistryObserver {
  readonly transitions: SessionTransition[] = [];
  closed = false;
  readonly name: string;
  readonly #calls: string[];
  constructor(name: string, calls: string[] = []) {
    this.name = name;
    this.#calls = calls;
  }
  observe(transition: SessionTransition): void {
    this.#calls.push(this.name);
    this.transitions.push(transition);
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** A clock the test moves by hand. */
export class FakeClock {
  nowMs: number;
  constructor(nowMs: number) {
    this.nowMs = nowMs;
  }
  readonly now = (): number => this.nowMs;
}

export interface TestDaemon extends AsyncDisposable {
  readonly daemon: Daemon;
  readonly logger: MemoryLogger;
  readonly processes: FakeProcesses;
  readonly clock: FakeClock;
}

/** An in-process Daemon with no socket, no disk and no tmux; `await using` closes it. */
export function makeTestDaemon(
  deps: Partial<DaemonDeps> = {},
  clock = new FakeClock(Date.UTC(2026, 0, 1)),
): TestDaemon {
  const logger = new MemoryLogger();
  const processes = new FakeProcesses();
  const daemon = new Daemon({
    config: DEFAULT_CONFIG.daemon,
    logger,
    now: clock.now,
    version: '0.0.0-test',
    stateFile: null,
    processes,
    tmux: null,
    agents: [createClaudeAgent({ configDir: null })],
    ...deps,
  });
  return {
    daemon,
    logger,
    processes: (deps.processes as FakeProcesses | undefined) ?? processes,
    clock,
    [Symbol.asyncDispose]: () => daemon.close(),
  };
}
