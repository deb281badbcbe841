import type { RegistryView } from '../domain/registry.js';
import type { SessionEntry } from '../domain/session-reducer.js';
import type { Logger } from '../platform/logger.js';
import { removeStaleTempFiles } from '../platform/atomic-file.js';
import type { DeliveredId } from './delivered-reports.js';
import { loadEntries, saveEntries } from './persistence.js';
import type { RegistryObserver } from './registry-observer.js';

/** The part of DeliveredReports a save reads and a restore fills. */
export interface DeliveredLog {
  toSaved(): DeliveredId[];
  restore(saved: readonly DeliveredId[]): void;
}

/**
 * Keeps the saved registry in step with the live one: writes are debounced after changes,
 * serialised (never two at once), and forced at shutdown. A failed write is logged, not fatal.
 */
export class RegistryStore implements RegistryObserver {
  readonly name = 'persistence';
  readonly #file: string | null;
  readonly #registry: RegistryView;
  readonly #logger: Logger;
  readonly #debounceMs: number;
  readonly #delivered: DeliveredLog | null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #saving: Promise<void> = Promise.resolve();
  /** A save queued behind the running one and not started yet: later callers share it. */
  #queued: Promise<void> | null = null;
  #closed = false;

  constructor(options: {
    file: string | null;
    registry: RegistryView;
    logger: Logger;
    debounceMs: number;
    /** The ids of reports applied lately, saved with the sessions (read when a save starts, like them). */
    delivered?: DeliveredLog;
  }) {
    this.#file = options.file;
    this.#registry = options.registry;
    this.#logger = options.logger;
    this.#debounceMs = options.debounceMs;
    this.#delivered = options.delivered ?? null;
  }

  /**
   * Reads the saved entries and hands each to `put` (which records it through the registry's
   * reducer and says whether it was taken). Returns how many were unreadable, and how many were
   * cut because the registry was full (daemon.maxSessions was lowered since they were saved).
   */
  async restore(put: (entry: SessionEntry) => boolean): Promise<{ invalid: number; cut: number }> {
    if (this.#file === null) return { invalid: 0, cut: 0 };
    const stale = await removeStaleTempFiles(this.#file);
    if (stale.length > 0) this.#logger.info('removed temp files an interrupted save left behind', { files: stale });
    const loaded = await loadEntries(this.#file);
    if (loaded.problem !== null) this.#logger.warn(loaded.problem);
    let cut = 0;
    for (const entry of loaded.entries) if (!put(entry)) cut += 1;
    this.#delivered?.restore(loaded.delivered);
    return { invalid: loaded.dropped, cut };
  }

  /** Every change is worth saving, bookkeeping too (a pid's start time). */
  observe(): void {
    this.markDirty();
  }

  markDirty(): void {
    if (this.#file === null || this.#timer !== null || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.save();
    }, this.#debounceMs);
  }

  /**
   * Resolves once a save that started after this call has finished, so everything applied before
   * the call is on disk (a report's ack waits for this). The registry is read when the save
   * starts, so calls made while one is queued share it: one write for a burst of reports.
   */
  save(): Promise<void> {
    const file = this.#file;
    if (file === null) return Promise.resolve();
    if (this.#queued !== null) return this.#queued;
    const queued = this.#saving
      .then(() => {
        this.#queued = null;
        return saveEntries(file, this.#registry.entries(), this.#delivered?.toSaved() ?? []);
      })
      .catch((error: unknown) =>
        this.#logger.error('cannot save the session registry', { file, error: String(error) }),
      );
    this.#queued = queued;
    this.#saving = queued;
    return queued;
  }

  /** The final write: no more debounced ones after it. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.save();
  }
}
