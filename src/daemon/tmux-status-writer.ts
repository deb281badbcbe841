import { countStatuses, renderStatusSegment } from '../domain/status-segment.js';
import type { Session } from '../domain/session.js';
import type { Logger } from '../platform/logger.js';
import type { Timers } from './notifier.js';
import type { RegistryObserver, SessionTransition } from './registry-observer.js';

/** The tmux global user options atmd keeps on every tmux server it has sessions on. */
export const STATUS_OPTIONS = ['@atm_waiting', '@atm_working', '@atm_status'] as const;

/** Setting and unsetting global options on one tmux server (by socket path), in one tmux run. */
export interface TmuxOptions {
  set(server: string, values: Readonly<Record<string, string>>): Promise<void>;
  unset(server: string, names: readonly string[]): Promise<void>;
}

export interface TmuxStatusWriterDeps {
  /** The registry's sessions now. */
  readonly sessions: () => readonly Session[];
  readonly options: TmuxOptions;
  readonly timers: Timers;
  readonly logger: Logger;
  readonly coalesceMs: number;
}

/**
 * Keeps `@atm_waiting`, `@atm_working` and `@atm_status` current on each session's tmux server,
 * so `set -g status-right '#{@atm_status}'` starts no process at all. Changes are coalesced
 * (one tmux run per server per `coalesceMs`), counted afresh from the registry, never from a
 * copy; at shutdown the options are removed from every server written to.
 */
export class TmuxStatusWriter implements RegistryObserver {
  readonly name = 'tmux-status';
  readonly #deps: TmuxStatusWriterDeps;
  readonly #dirty = new Set<string>();
  readonly #written = new Set<string>();
  #timer: { cancel(): void } | null = null;
  #running: Promise<void> = Promise.resolve();
  #seenAny = false;
  #closed = false;

  constructor(deps: TmuxStatusWriterDeps) {
    this.#deps = deps;
  }

  observe(t: SessionTransition): void {
    if (this.#closed) return;
    if (!this.#seenAny) {
      // Sessions restored at start-up: their servers get the counts with the first change.
      this.#seenAny = true;
      for (const session of this.#deps.sessions()) this.#mark(session);
    }
    const { before, after } = t;
    if (before?.status === after?.status && before?.tmux?.server === after?.tmux?.server) return;
    this.#mark(before);
    this.#mark(after);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#timer?.cancel();
    await this.#running;
    await Promise.all(
      [...this.#written].map((server) => this.#deps.options.unset(server, STATUS_OPTIONS).catch(() => undefined)),
    );
  }

  #mark(session: Session | null): void {
    const server = session?.tmux?.server ?? null;
    if (server === null) return;
    this.#dirty.add(server);
    this.#timer ??= this.#deps.timers.after(this.#deps.coalesceMs, () => {
      this.#timer = null;
      this.#running = this.#running.then(() => this.#flush());
    });
  }

  async #flush(): Promise<void> {
    const servers = [...this.#dirty];
    this.#dirty.clear();
    const sessions = this.#deps.sessions();
    for (const server of servers) {
      if (this.#closed) return;
      const counts = countStatuses(sessions.filter((s) => s.tmux?.server === server));
      try {
        await this.#deps.options.set(server, {
          '@atm_waiting': String(counts.waiting),
          '@atm_working': String(counts.working),
          '@atm_status': renderStatusSegment(counts, { styled: true }),
        });
        this.#written.add(server);
      } catch (error) {
        this.#written.delete(server);
        this.#deps.logger.debug('cannot set the tmux status options', { server, error: String(error) });
      }
    }
  }
}
