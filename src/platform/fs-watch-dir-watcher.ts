import { watch, type FSWatcher } from 'node:fs';
import { describeError } from '../shared/errors.js';
import type { DirWatcher } from './dir-watcher.js';

/**
 * The DirWatcher port on Node's `fs.watch` (inotify on Linux: one watch descriptor per
 * directory, no polling). Watches are not persistent: an open watch never keeps atmd's event
 * loop alive on its own.
 */
export function createFsWatchDirWatcher(): DirWatcher {
  return {
    watch(dir, listener) {
      let watcher: FSWatcher;
      let closed = false;
      try {
        watcher = watch(dir, { persistent: false }, (_type, name) => {
          if (!closed) listener.change(typeof name === 'string' && name.length > 0 ? name : null);
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { ok: false, code: typeof code === 'string' ? code : 'EUNKNOWN', message: describeError(error) };
      }
      watcher.on('error', (error) => {
        if (closed) return;
        closed = true;
        watcher.close();
        listener.error(describeError(error));
      });
      return {
        ok: true,
        watch: {
          close: () => {
            closed = true;
            watcher.close();
          },
        },
      };
    },
  };
}
