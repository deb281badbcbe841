import type { SessionId } from '../domain/ids.js';
import type { Session } from '../domain/session.js';
import type { PaneTarget } from '../integrations/tmux/pane-jump.js';
import type { NotificationsConfig } from '../platform/config-schema.js';
import type { Logger } from '../platform/logger.js';
import type { CommandRunner } from './notify-command.js';
import type { ClosedReason, NotificationEvents, Notifications } from './notifications-port.js';
import { RATE_WINDOW_MS, gateNotification, nextWorkingSince, toNotifyIntent } from './notifier-policy.js';
import { toFinishedNotification, toWaitingNotification } from './notifier-text.js';
import type { RegistryObserver, SessionTransition } from './registry-observer.js';

/** setTimeout behind a port, so the cooldown and the rate limit run on a fake clock in tests. */
export interface Timers {
  after(delayMs: number, run: () => void): { cancel(): void };
}

export const REAL_TIMERS: Timers = {
  after(delayMs, run) {
    const timer = setTimeout(run, Math.max(0, delayMs));
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

export interface NotifierDeps {
  readonly config: NotificationsConfig;
  /** null: no desktop notifications (disabled, or no server answered). */
  readonly desktop: Notifications | null;
  readonly command: CommandRunner | null;
  /** Whether someone looks at that pane right now; rejects count as "no". */
  readonly inView: (target: PaneTarget) => Promise<boolean>;
  readonly jump: (target: PaneTarget) => Promise<void>;
  readonly now: () => number;
  readonly timers: Timers;
  readonly logger: Logger;
}

type Kind = 'waiting' | 'finished';

/** What the notifier remembers of one session: its notification, not its state. */
interface Memo {
  readonly id: SessionId;
  latest: Session;
  notificationId: number | null;
  /** False once the session stopped waiting: a notification still on its way is closed on arrival. */
  wanted: boolean;
  lastNotifiedAtMs: number | null;
  workingSinceMs: number | null;
  retry: { cancel(): void } | null;
  chain: Promise<void>;
}

/** The session's pane on its own tmux server (`session.tmux.server`, null when unknown). */
export function toPaneTarget(session: Session): PaneTarget | null {
  return session.tmux === null ? null : { pane: session.tmux.pane, server: session.tmux.server };
}

/**
 * The notifier, one of atmd's registry observers. A session that starts waiting gets one
 * notification (replaced in place while it waits for something else, closed the moment it stops
 * waiting); a repeat of the same state gets nothing. Per session, desktop calls run one after
 * another, so a close always follows the notify it closes. Nothing here waits for ActionInvoked.
 */
export class Notifier implements RegistryObserver, NotificationEvents {
  readonly name = 'notifier';
  readonly #deps: NotifierDeps;
  readonly #memos = new Map<SessionId, Memo>();
  readonly #byNotification = new Map<number, Memo>();
  #recentMs: number[] = [];
  #failing = false;

  constructor(deps: NotifierDeps) {
    this.#deps = deps;
  }

  observe(t: SessionTransition): void {
    const { config, now } = this.#deps;
    if (this.#deps.desktop === null && this.#deps.command === null) return; // nothing to tell anyone
    const nowMs = now();
    let memo = this.#memos.get(t.id);
    if (t.after === null) {
      if (memo !== undefined) this.#close(memo);
      this.#memos.delete(t.id);
      return;
    }
    if (memo === undefined) {
      memo = {
        id: t.id,
        latest: t.after,
        notificationId: null,
        wanted: false,
        lastNotifiedAtMs: null,
        workingSinceMs: null,
        retry: null,
        chain: Promise.resolve(),
      };
      this.#memos.set(t.id, memo);
    }
    memo.latest = t.after;
    const intent = toNotifyIntent(t, {
      transitions: config.transitions,
      minWorkMs: config.minWorkSeconds * 1000,
      workingSinceMs: memo.workingSinceMs,
      nowMs,
    });
    memo.workingSinceMs = nextWorkingSince(t, memo.workingSinceMs, nowMs);
    switch (intent.type) {
      case 'notify-waiting':
        return this.#request(memo, 'waiting', t.before, 0);
      case 'notify-finished':
        return this.#request(memo, 'finished', t.before, intent.workedMs);
      case 'update':
        // An open (or coming) notification is replaced in place; a deferred one will show the latest.
        if (memo.wanted && memo.retry === null) this.#enqueue(memo, () => this.#show(memo, 'waiting', 0));
        return;
      case 'close':
        return this.#close(memo);
      case 'none':
        return;
    }
  }

  onAction(notificationId: number, key: string): void {
    const memo = this.#byNotification.get(notificationId);
    const target = memo === undefined ? null : toPaneTarget(memo.latest);
    if (target === null || (key !== 'default' && key !== 'jump')) return;
    this.#deps.jump(target).catch((error: unknown) =>
      this.#deps.logger.warn('cannot jump to the pane of a clicked notification', {
        pane: target.pane,
        error: String(error),
      }),
    );
  }

  onClosed(notificationId: number, reason: ClosedReason): void {
    const memo = this.#byNotification.get(notificationId);
    this.#byNotification.delete(notificationId);
    if (memo?.notificationId === notificationId) memo.notificationId = null;
    this.#deps.logger.debug('notification closed', { notificationId, reason });
  }

  /** At shutdown: no notification outlives atmd. */
  async close(): Promise<void> {
    for (const memo of this.#memos.values()) this.#close(memo);
    await Promise.all([...this.#memos.values()].map((memo) => memo.chain));
    await this.#deps.desktop?.close();
  }

  #request(memo: Memo, kind: Kind, previous: Session | null, workedMs: number): void {
    memo.retry?.cancel();
    memo.retry = null;
    const { config, now, timers, logger } = this.#deps;
    const nowMs = now();
    this.#recentMs = this.#recentMs.filter((at) => nowMs - at < RATE_WINDOW_MS);
    const gate = gateNotification({
      nowMs,
      lastNotifiedAtMs: memo.lastNotifiedAtMs,
      recentMs: this.#recentMs,
      cooldownMs: config.cooldownSeconds * 1000,
      maxPerMinute: config.maxPerMinute,
    });
    memo.wanted = true;
    if (!gate.ok) {
      logger.debug('notification deferred', { sessionId: memo.id, why: gate.why, retryInMs: gate.retryAtMs - nowMs });
      memo.retry = timers.after(gate.retryAtMs - nowMs, () => {
        memo.retry = null;
        const still = kind === 'waiting' ? memo.latest.status === 'waiting' : memo.latest.status === 'idle';
        if (still && memo.wanted && this.#memos.get(memo.id) === memo) this.#request(memo, kind, previous, workedMs);
      });
      return;
    }
    memo.lastNotifiedAtMs = nowMs;
    this.#recentMs.push(nowMs);
    this.#enqueue(memo, async () => {
      const target = toPaneTarget(memo.latest);
      if (config.quietWhenFocused && target !== null && (await this.#deps.inView(target).catch(() => false))) {
        logger.debug('no notification: the pane is in view', { sessionId: memo.id, pane: target.pane });
        memo.wanted = false;
        return;
      }
      this.#deps.command?.(memo.latest, previous).catch(() => undefined);
      await this.#show(memo, kind, workedMs);
    });
  }

  async #show(memo: Memo, kind: Kind, workedMs: number): Promise<void> {
    const desktop = this.#deps.desktop;
    if (desktop === null || !memo.wanted) return;
    const n =
      kind === 'waiting'
        ? toWaitingNotification(memo.latest, memo.notificationId)
        : toFinishedNotification(memo.latest, workedMs, memo.notificationId);
    const id = await desktop.notify(n);
    this.#failing = false;
    if (memo.notificationId !== null && memo.notificationId !== id) this.#byNotification.delete(memo.notificationId);
    memo.notificationId = id;
    this.#byNotification.set(id, memo);
  }

  #close(memo: Memo): void {
    memo.retry?.cancel();
    memo.retry = null;
    memo.wanted = false;
    this.#enqueue(memo, async () => {
      const id = memo.notificationId;
      if (id === null || this.#deps.desktop === null) return;
      memo.notificationId = null;
      this.#byNotification.delete(id);
      await this.#deps.desktop.closeNotification(id);
    });
  }

  /** One desktop call after another per session; a failure is logged once, then quietly until one succeeds. */
  #enqueue(memo: Memo, step: () => Promise<void>): void {
    memo.chain = memo.chain.then(step).catch((error: unknown) => {
      const fields = { sessionId: memo.id, error: String(error) };
      if (this.#failing) this.#deps.logger.debug('notification failed', fields);
      else this.#deps.logger.warn('desktop notification failed; atm works on without it', fields);
      this.#failing = true;
    });
  }
}
