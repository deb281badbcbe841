/**
 * The port for being told when a directory's entries change (inotify on Linux, FSEvents or
 * kqueue on macOS, through the adapter in fs-watch-dir-watcher.ts). It says only "something
 * about this name changed": what changed is learned by reading the file again.
 */
export interface DirWatchListener {
  /**
   * An entry of the directory was created, written, renamed or removed. `name` is the entry's
   * name, the directory's own base name when the directory itself was removed or renamed, or
   * null when the OS could not say which (an event queue overflow): then anything may have changed.
   */
  change(name: string | null): void;
  /** The watch broke and will tell nothing more. */
  error(message: string): void;
}

export interface DirWatch {
  /** Stops the watch; the listener is not called again. Idempotent. */
  close(): void;
}

export type DirWatchStart =
  | { readonly ok: true; readonly watch: DirWatch }
  /** `code` is the errno name: ENOENT or ENOTDIR when there is no such directory, ENOSPC at the watch limit. */
  | { readonly ok: false; readonly code: string; readonly message: string };

export interface DirWatcher {
  /** Starts watching `dir` (an absolute path). Never throws: a failure is a value. */
  watch(dir: string, listener: DirWatchListener): DirWatchStart;
}
