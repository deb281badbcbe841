import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileGenerations } from '../../../src/platform/file-generations.js';
import { createFsWatchDirWatcher } from '../../../src/platform/fs-watch-dir-watcher.js';
import { MemoryLogger } from '../../helpers/daemon-fakes.js';
import { pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// The real inotify behind fs.watch, on a real temp dir: what the fake in the unit tests stands for.
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setup() {
  const dir = makeTempDir('atm-watch-');
  cleanups.push(() => dir[Symbol.dispose]());
  const logger = new MemoryLogger();
  const files = new FileGenerations({
    watcher: createFsWatchDirWatcher(),
    logger,
    now: Date.now,
    // Long enough that a test passing by polling would need minutes: these must pass by events.
    pollIntervalMs: 600_000,
  });
  cleanups.push(() => files.close());
  return { root: dir.path, files, logger };
}

/** Waits until the generation of `path` differs from `before`; returns the new one. */
async function changed(files: FileGenerations, path: string, before: number): Promise<number> {
  await pollUntil(() => files.generation(path) !== before, { what: `an event for ${path}` });
  return files.generation(path);
}

describe('FileGenerations on fs.watch (real inotify)', () => {
  it('sees writes, rename-over writes and removals of the file it was asked about', async () => {
    const { root, files, logger } = setup();
    const sessions = join(root, 'sessions');
    mkdirSync(sessions);
    const path = join(sessions, '42.json');
    let gen = files.generation(path);
    writeFileSync(path, '{"status":"busy"}');
    gen = await changed(files, path, gen);
    writeFileSync(`${path}.tmp`, '{"status":"idle"}');
    renameSync(`${path}.tmp`, path);
    gen = await changed(files, path, gen);
    rmSync(path);
    await changed(files, path, gen);
    expect(files.modes()).toEqual({ watching: 1, waiting: 0, polling: 0 });
    expect(logger.messages('warn')).toEqual([]);
  });

  it('waits for a missing directory through its parent, then watches it', async () => {
    const { root, files } = setup();
    const path = join(root, 'config', 'sessions', '42.json');
    const missing = files.generation(path);
    expect(files.modes()).toEqual({ watching: 0, waiting: 1, polling: 0 });
    mkdirSync(join(root, 'config', 'sessions'), { recursive: true });
    await changed(files, path, missing);
    await pollUntil(() => files.modes().watching === 1, { what: 'the new directory watched' });
    let gen = files.generation(path);
    writeFileSync(path, '{}');
    gen = await changed(files, path, gen);
    // Removed and made again: the watch follows.
    rmSync(join(root, 'config'), { recursive: true });
    await changed(files, path, gen);
    await pollUntil(() => files.modes().waiting === 1, { what: 'waiting on the parent again' });
    mkdirSync(join(root, 'config', 'sessions'), { recursive: true });
    await pollUntil(() => files.modes().watching === 1, { what: 'the directory watched again' });
    gen = files.generation(path);
    writeFileSync(path, '{"again":true}');
    await changed(files, path, gen);
  });

  it('says a directory that does not exist under a file cannot be watched, without throwing', () => {
    const { root } = setup();
    writeFileSync(join(root, 'file'), '');
    const start = createFsWatchDirWatcher().watch(join(root, 'file', 'sessions'), {
      change: () => undefined,
      error: () => undefined,
    });
    expect(start).toMatchObject({ ok: false, code: 'ENOTDIR' });
  });
});
