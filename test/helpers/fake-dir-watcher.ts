import type { DirWatchListener, DirWatcher, DirWatchStart } from '../../src/platform/dir-watcher.js';

/**
 * A DirWatcher by hand over a pretend tree of directories, for the failure paths a real
 * inotify will not produce on demand (a watch that breaks, the watch limit, an overflow).
 * The test creates and removes directories and emits the events the OS would.
 */
export class FakeDirWatcher implements DirWatcher {
  /** The directories that exist. */
  readonly dirs = new Set<string>(['/']);
  /** Paths whose watch fails with this errno name (ENOSPC: the watch limit). */
  readonly failing = new Map<string, string>();
  readonly #open = new Map<number, { path: string; listener: DirWatchListener }>();
  #ids = 0;
  /** Every watch() call, in order. */
  readonly calls: string[] = [];

  watch(dir: string, listener: DirWatchListener): DirWatchStart {
    this.calls.push(dir);
    const code = this.failing.get(dir) ?? (this.dirs.has(dir) ? null : 'ENOENT');
    if (code !== null) return { ok: false, code, message: `${code}: watch '${dir}'` };
    const id = (this.#ids += 1);
    this.#open.set(id, { path: dir, listener });
    return { ok: true, watch: { close: () => void this.#open.delete(id) } };
  }

  /** Paths with an open watch (one entry per watch). */
  watched(): string[] {
    return [...this.#open.values()].map((w) => w.path).sort();
  }

  /** What the OS reports for `name` changing in `dir` (null: an overflow). */
  emit(dir: string, name: string | null): void {
    for (const w of [...this.#open.values()]) if (w.path === dir) w.listener.change(name);
  }

  /** Breaks every watch on `dir` (it reports an error and is closed). */
  break(dir: string): void {
    for (const [id, w] of [...this.#open.entries()])
      if (w.path === dir) {
        this.#open.delete(id);
        w.listener.error('EIO: the watch broke');
      }
  }

  /** Creates a directory and its parents, with the events their parents' watches report. */
  mkdir(path: string): void {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i += 1) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (this.dirs.has(dir)) continue;
      this.dirs.add(dir);
      this.emit(i === 1 ? '/' : `/${parts.slice(0, i - 1).join('/')}`, parts[i - 1] ?? null);
    }
  }

  /** Removes a directory (and everything under it), as inotify reports it: to the parent, and to itself. */
  rmdir(path: string): void {
    for (const dir of [...this.dirs]) if (dir === path || dir.startsWith(`${path}/`)) this.dirs.delete(dir);
    const base = path.slice(path.lastIndexOf('/') + 1);
    this.emit(path.slice(0, path.lastIndexOf('/')) || '/', base);
    for (const [id, w] of [...this.#open.entries()])
      if (w.path === path) {
        w.listener.change(base);
        this.#open.delete(id);
      }
  }
}
