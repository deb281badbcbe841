import type { DirWatch, DirWatcher, DirWatchStart } from './dir-watcher.js';
import type { Logger } from './logger.js';

export interface FileGenerationsOptions {
  readonly watcher: DirWatcher;
  readonly logger: Logger;
  readonly now: () => number;
  /** How often every file of a directory that cannot be watched counts as changed. */
  readonly pollIntervalMs: number;
  /** Watches held at most (directories and the ancestors of missing ones); past it, new ones are polled. */
  readonly maxWatches?: number;
}

/** A directory nobody asked about for this long is no longer watched. */
const FORGET_AFTER_MS = 60_000;
/** Names remembered per directory; past it they are dropped and the whole directory counts as changed. */
const MAX_NAMES = 4_096;
/** How far up a missing directory's path to look for an ancestor to watch, and re-tries when it moves. */
const MAX_ATTEMPTS = 8;

type Mode =
  | { readonly type: 'watching'; readonly watch: DirWatch }
  /** The directory is missing: the ancestor at `ancestor` is watched for it to appear. */
  | { readonly type: 'waiting'; readonly ancestor: string }
  | { readonly type: 'polling'; polledAt: number };

interface Dir {
  readonly path: string;
  mode: Mode;
  /** A generation every file in the directory has at least (bumped by a re-watch, an overflow, a poll). */
  epoch: number;
  /** Later generations of single names, from their events. */
  readonly names: Map<string, number>;
  askedAt: number;
}

interface Ancestor {
  readonly watch: DirWatch;
  /** The missing directories waiting for their next path component to appear here. */
  readonly waiting: Set<Dir>;
}

const parentOf = (path: string): string | null => {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? (path === '/' ? null : '/') : path.slice(0, cut);
};
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const isMissing = (start: DirWatchStart): boolean => !start.ok && (start.code === 'ENOENT' || start.code === 'ENOTDIR');

/**
 * A generation count per file path that changes whenever the file may have changed, so a
 * reader re-reads a file only then. Take the generation BEFORE reading and keep it with what
 * was read: a write racing the read bumps it again, and the next look reads again instead of
 * keeping stale text.
 *
 * Each file's directory is watched through the DirWatcher port on first ask. A directory that
 * does not exist yet has its nearest existing ancestor watched until it appears. Where a watch
 * cannot be had (the OS watch limit, no permission) the directory is polled instead: all its
 * files count as changed every `pollIntervalMs`. That is logged once.
 */
export class FileGenerations {
  readonly #options: FileGenerationsOptions;
  readonly #dirs = new Map<string, Dir>();
  readonly #ancestors = new Map<string, Ancestor>();
  #counter = 0;
  #warned = false;
  #sweptAt: number;
  #closed = false;

  constructor(options: FileGenerationsOptions) {
    this.#options = options;
    this.#sweptAt = options.now();
  }

  /** The generation of the file at absolute `path`: equal numbers mean it has not changed since. */
  generation(path: string): number {
    if (this.#closed) return this.#next();
    const now = this.#options.now();
    this.#sweep(now);
    const dirPath = parentOf(path) ?? '/';
    let dir = this.#dirs.get(dirPath);
    if (dir === undefined) {
      dir = { path: dirPath, mode: { type: 'polling', polledAt: now }, epoch: 0, names: new Map(), askedAt: now };
      this.#dirs.set(dirPath, dir);
      this.#arm(dir);
    }
    dir.askedAt = now;
    if (dir.mode.type === 'polling' && now - dir.mode.polledAt >= this.#options.pollIntervalMs) {
      dir.mode.polledAt = now;
      dir.epoch = this.#next();
    }
    return Math.max(dir.epoch, dir.names.get(baseOf(path)) ?? 0);
  }

  /** How many directories are watched, waiting for an ancestor, or polled (for tests and logs). */
  modes(): Record<Mode['type'], number> {
    const counts = { watching: 0, waiting: 0, polling: 0 };
    for (const dir of this.#dirs.values()) counts[dir.mode.type] += 1;
    return counts;
  }

  close(): void {
    this.#closed = true;
    for (const dir of this.#dirs.values()) this.#disarm(dir);
    this.#dirs.clear();
  }

  #next(): number {
    this.#counter += 1;
    return this.#counter;
  }

  /** Watches `dir`, or an ancestor while it is missing, or polls it; every file in it then counts as changed. */
  #arm(dir: Dir): void {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const start = this.#watch(dir.path, {
        change: (name) => this.#onChange(dir, watch, name),
        error: (message) => this.#onBroken(dir, watch, message),
      });
      const watch: DirWatch | null = start.ok ? start.watch : null;
      if (start.ok) return this.#become(dir, { type: 'watching', watch: start.watch });
      if (!isMissing(start)) return this.#poll(dir, start.message);
      const ancestor = this.#waitOnAncestor(dir);
      if (ancestor === null) return;
      if (!this.#nextStepExists(dir, ancestor)) return this.#become(dir, { type: 'waiting', ancestor });
      // The next directory down appeared before the ancestor's watch began: go down and look again.
      this.#ancestors.get(ancestor)?.waiting.delete(dir);
      this.#releaseAncestor(ancestor);
    }
    this.#poll(dir, `its path kept changing while a watch was set up`);
  }

  #become(dir: Dir, mode: Mode): void {
    dir.mode = mode;
    dir.names.clear();
    dir.epoch = this.#next();
  }

  #watch(path: string, listener: Parameters<DirWatcher['watch']>[1]): DirWatchStart {
    const held = this.#dirs.size + this.#ancestors.size;
    if (held > (this.#options.maxWatches ?? 1_024))
      return { ok: false, code: 'ELIMIT', message: `atm already watches ${held} directories` };
    return this.#options.watcher.watch(path, listener);
  }

  /** Watches the nearest existing ancestor of missing `dir` for it; returns its path, or null once `dir` is polled instead. */
  #waitOnAncestor(dir: Dir): string | null {
    for (let path = parentOf(dir.path); path !== null; path = parentOf(path)) {
      const known = this.#ancestors.get(path);
      if (known !== undefined) {
        known.waiting.add(dir);
        return path;
      }
      const ancestorPath = path;
      const start = this.#watch(ancestorPath, {
        change: (name) => this.#onAncestorChange(ancestorPath, name),
        error: () => this.#onAncestorChange(ancestorPath, null),
      });
      if (start.ok) {
        this.#ancestors.set(ancestorPath, { watch: start.watch, waiting: new Set([dir]) });
        return ancestorPath;
      }
      if (!isMissing(start)) {
        this.#poll(dir, start.message);
        return null;
      }
    }
    this.#poll(dir, 'no directory on its path exists');
    return null;
  }

  /** Whether the path component below `ancestor` on the way to `dir` exists now (a watch on it starts). */
  #nextStepExists(dir: Dir, ancestor: string): boolean {
    const rest = dir.path.slice(ancestor === '/' ? 1 : ancestor.length + 1);
    const step = `${ancestor === '/' ? '' : ancestor}/${rest.split('/')[0] ?? ''}`;
    const probe = this.#options.watcher.watch(step, { change: () => undefined, error: () => undefined });
    if (probe.ok) probe.watch.close();
    return !isMissing(probe);
  }

  #poll(dir: Dir, reason: string): void {
    this.#become(dir, { type: 'polling', polledAt: this.#options.now() });
    const fields = { dir: dir.path, reason, pollIntervalMs: this.#options.pollIntervalMs };
    if (this.#warned) this.#options.logger.debug('cannot watch a directory; polling it instead', fields);
    else this.#options.logger.warn('cannot watch a directory; polling it instead (said once)', fields);
    this.#warned = true;
  }

  #onChange(dir: Dir, watch: DirWatch | null, name: string | null): void {
    if (!this.#isCurrent(dir, watch)) return;
    if (name === null || dir.names.size >= MAX_NAMES) {
      dir.names.clear();
      dir.epoch = this.#next();
      return;
    }
    dir.names.set(name, this.#next());
    // The directory's own name: it may itself have been removed or renamed, which ends the watch.
    if (name === baseOf(dir.path)) this.#rearm(dir);
  }

  #onBroken(dir: Dir, watch: DirWatch | null, message: string): void {
    if (!this.#isCurrent(dir, watch)) return;
    this.#options.logger.debug('a directory watch broke; watching it again', { dir: dir.path, error: message });
    this.#rearm(dir);
  }

  #isCurrent(dir: Dir, watch: DirWatch | null): boolean {
    return (
      !this.#closed && this.#dirs.get(dir.path) === dir && dir.mode.type === 'watching' && dir.mode.watch === watch
    );
  }

  #rearm(dir: Dir): void {
    this.#disarm(dir);
    this.#arm(dir);
  }

  #onAncestorChange(path: string, name: string | null): void {
    const ancestor = this.#ancestors.get(path);
    if (ancestor === undefined || this.#closed) return;
    // An overflow, an error or the ancestor's own removal: it may be gone, so every waiting
    // directory looks for its ancestor again (and must not find this one).
    const broken = name === null || name === baseOf(path);
    if (broken) {
      ancestor.watch.close();
      this.#ancestors.delete(path);
    }
    const prefix = `${path === '/' ? '' : path}/`;
    for (const dir of [...ancestor.waiting]) {
      if (!broken && name !== dir.path.slice(prefix.length).split('/')[0]) continue;
      ancestor.waiting.delete(dir);
      this.#arm(dir);
    }
    if (!broken) this.#releaseAncestor(path);
  }

  #disarm(dir: Dir): void {
    const mode = dir.mode;
    if (mode.type === 'watching') mode.watch.close();
    if (mode.type === 'waiting') {
      this.#ancestors.get(mode.ancestor)?.waiting.delete(dir);
      this.#releaseAncestor(mode.ancestor);
    }
    dir.mode = { type: 'polling', polledAt: Number.NEGATIVE_INFINITY };
  }

  #releaseAncestor(path: string): void {
    const ancestor = this.#ancestors.get(path);
    if (ancestor === undefined || ancestor.waiting.size > 0) return;
    ancestor.watch.close();
    this.#ancestors.delete(path);
  }

  /** Drops the directories nobody asked about for a while, once a while. */
  #sweep(now: number): void {
    if (now - this.#sweptAt < FORGET_AFTER_MS) return;
    this.#sweptAt = now;
    for (const dir of [...this.#dirs.values()]) {
      if (now - dir.askedAt < FORGET_AFTER_MS) continue;
      this.#disarm(dir);
      this.#dirs.delete(dir.path);
    }
  }
}
