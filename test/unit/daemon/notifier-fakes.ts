import { readFileSync } from 'node:fs';
import { Registry } from '../../../src/domain/registry.js';
import type { SessionEvent } from '../../../src/domain/session-event.js';
import type { Session } from '../../../src/domain/session.js';
import type { DesktopNotification, Notifications } from '../../../src/daemon/notifications-port.js';
import { Notifier, type NotifierDeps, type Timers } from '../../../src/daemon/notifier.js';
import type { SessionTransition } from '../../../src/daemon/registry-observer.js';
import type { PaneTarget } from '../../../src/integrations/tmux/pane-jump.js';
import { notificationsConfigSchema, type NotificationsConfig } from '../../../src/platform/config-schema.js';
import type { Logger } from '../../../src/platform/logger.js';
import { hookEvent } from '../domain/claude-events.js';

/** A clock and timers that move only when told (the 3-minute waits run in microseconds). */
export class FakeClock implements Timers {
  nowMs = Date.UTC(2026, 0, 1, 12);
  readonly #pending: { atMs: number; run: () => void; live: boolean }[] = [];
  now = (): number => this.nowMs;
  after(delayMs: number, run: () => void): { cancel(): void } {
    const timer = { atMs: this.nowMs + Math.max(0, delayMs), run, live: true };
    this.#pending.push(timer);
    return { cancel: () => (timer.live = false) };
  }
  /** Moves time on, firing due timers in order. */
  advance(ms: number): void {
    const end = this.nowMs + ms;
    for (;;) {
      const due = this.#pending.filter((t) => t.live && t.atMs <= end).sort((a, b) => a.atMs - b.atMs)[0];
      if (due === undefined) break;
      due.live = false;
      this.nowMs = due.atMs;
      due.run();
    }
    this.nowMs = end;
  }
}

/** The Notifications port as a recorder; `hold` keeps Notify replies back until released. */
export class FakeDesktop implements Notifications {
  readonly shown: { id: number; n: DesktopNotification }[] = [];
  readonly closed: number[] = [];
  #nextId = 1;
  fail: Error | null = null;
  #held: (() => void)[] | null = null;
  probe = (): Promise<boolean> => Promise.resolve(true);
  async notify(n: DesktopNotification): Promise<number> {
    if (this.#held !== null) await new Promise<void>((resolve) => this.#held?.push(resolve));
    if (this.fail !== null) throw this.fail;
    const id = n.replacesId ?? this.#nextId++;
    this.shown.push({ id, n });
    return id;
  }
  closeNotification(id: number): Promise<void> {
    this.closed.push(id);
    return Promise.resolve();
  }
  close = (): Promise<void> => Promise.resolve();
  hold(): void {
    this.#held = [];
  }
  release(): void {
    for (const resolve of this.#held?.splice(0) ?? []) resolve();
    this.#held = null;
  }
}

export class RecordingLogger implements Logger {
  readonly lines: { level: string; message: string }[] = [];
  error = (message: string): void => void this.lines.push({ level: 'error', message });
  warn = (message: string): void => void this.lines.push({ level: 'warn', message });
  info = (message: string): void => void this.lines.push({ level: 'info', message });
  debug = (message: string): void => void this.lines.push({ level: 'debug', message });
  child = (): Logger => this;
  close = (): Promise<void> => Promise.resolve();
}

export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A notifier over fakes, fed by the real registry so transitions are what atmd would make. */
export function notifierRig(config: Partial<NotificationsConfig> = {}, overrides: Partial<NotifierDeps> = {}) {
  const clock = new FakeClock();
  const desktop = new FakeDesktop();
  const logger = new RecordingLogger();
  const jumps: PaneTarget[] = [];
  const commands: [Session, Session | null][] = [];
  let inView = false;
  const notifier = new Notifier({
    config: notificationsConfigSchema.parse(config),
    desktop,
    command: (session, previous) => {
      commands.push([session, previous]);
      return Promise.resolve();
    },
    inView: () => Promise.resolve(inView),
    jump: (target) => {
      jumps.push(target);
      return Promise.resolve();
    },
    now: clock.now,
    timers: clock,
    logger,
    ...overrides,
  });
  const registry = new Registry({ maxSessions: 100 });
  const feed = (event: SessionEvent): SessionTransition | null => {
    const outcome = registry.apply(event);
    if (outcome.type !== 'applied' || outcome.transition === null) return null;
    notifier.observe(outcome.transition);
    return outcome.transition;
  };
  /** A Claude Code hook payload from the 2.1.331 fixtures, for session `id`, at the fake now. */
  const hook = (name: string, id = 'bead3810-7067-4f8e-84ea-39d4ca014146', pane = '%3') => {
    const payload = { ...fixture(name), session_id: id };
    return feed(hookEvent(payload, clock.nowMs, { pane }));
  };
  return {
    clock,
    desktop,
    logger,
    jumps,
    commands,
    notifier,
    registry,
    hook,
    setInView: (value: boolean) => (inView = value),
  };
}

const FIXTURES = new URL('../../fixtures/claude/2.1.331/bash-permission/', import.meta.url);
export const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as Record<string, unknown>;
