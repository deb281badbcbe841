import { afterEach, describe, expect, it } from 'vitest';
import { FileGenerations } from '../../../src/platform/file-generations.js';
import { FakeClock, MemoryLogger } from '../../helpers/daemon-fakes.js';
import { FakeDirWatcher } from '../../helpers/fake-dir-watcher.js';

const POLL_MS = 1_500;
const made: FileGenerations[] = [];

function setup(dirs: readonly string[] = ['/c/sessions']) {
  const watcher = new FakeDirWatcher();
  for (const dir of dirs) watcher.mkdir(dir);
  const logger = new MemoryLogger();
  const clock = new FakeClock(1_000_000);
  const files = new FileGenerations({ watcher, logger, now: clock.now, pollIntervalMs: POLL_MS, maxWatches: 16 });
  made.push(files);
  return { watcher, logger, clock, files };
}

afterEach(() => {
  for (const files of made.splice(0)) files.close();
});

describe('FileGenerations over a watched directory', () => {
  it('keeps a generation until an event names the file, and watches the directory once', () => {
    const { watcher, files } = setup();
    const first = files.generation('/c/sessions/1.json');
    expect(files.generation('/c/sessions/1.json')).toBe(first);
    watcher.emit('/c/sessions', '2.json');
    expect(files.generation('/c/sessions/1.json')).toBe(first);
    watcher.emit('/c/sessions', '1.json');
    expect(files.generation('/c/sessions/1.json')).not.toBe(first);
    expect(watcher.watched()).toEqual(['/c/sessions']);
  });

  it('moves the generation when a write lands while the file is being read', () => {
    const { watcher, files } = setup();
    const before = files.generation('/c/sessions/1.json'); // taken before the read
    watcher.emit('/c/sessions', '1.json'); // the write racing the read
    // What was read is kept with `before`, which no longer matches: the next look reads again.
    expect(files.generation('/c/sessions/1.json')).not.toBe(before);
  });

  it('sees a rename over the file (an atomic write) through the target name', () => {
    const { watcher, files } = setup();
    const before = files.generation('/c/sessions/1.json');
    for (const name of ['1.json.tmp', '1.json.tmp']) watcher.emit('/c/sessions', name);
    expect(files.generation('/c/sessions/1.json')).toBe(before);
    watcher.emit('/c/sessions', '1.json');
    expect(files.generation('/c/sessions/1.json')).toBeGreaterThan(before);
  });

  it('treats an event without a name (an overflow) as a change of every file', () => {
    const { watcher, files } = setup();
    const a = files.generation('/c/sessions/1.json');
    const b = files.generation('/c/sessions/2.json');
    watcher.emit('/c/sessions', null);
    expect(files.generation('/c/sessions/1.json')).not.toBe(a);
    expect(files.generation('/c/sessions/2.json')).not.toBe(b);
  });

  it('stays bounded under an event storm of distinct names, and still reports every change', () => {
    const { watcher, files } = setup();
    const before = files.generation('/c/sessions/1.json');
    for (let i = 0; i < 20_000; i += 1) watcher.emit('/c/sessions', `${i}.tmp`);
    const after = files.generation('/c/sessions/1.json');
    expect(after).not.toBe(before); // the names were dropped and the directory counted as changed
    watcher.emit('/c/sessions', '1.json');
    expect(files.generation('/c/sessions/1.json')).not.toBe(after);
  });

  it('watches again after a watch breaks, and counts every file as changed', () => {
    const { watcher, files, logger } = setup();
    const before = files.generation('/c/sessions/1.json');
    watcher.break('/c/sessions');
    expect(watcher.watched()).toEqual(['/c/sessions']);
    expect(files.generation('/c/sessions/1.json')).not.toBe(before);
    expect(logger.messages('warn')).toEqual([]);
  });
});

describe('FileGenerations for a directory that does not exist yet', () => {
  it('watches the nearest existing ancestor, then the directory once it is created', () => {
    const { watcher, files } = setup(['/c']);
    const missing = files.generation('/c/sessions/1.json');
    expect(watcher.watched()).toEqual(['/c']);
    expect(files.generation('/c/sessions/1.json')).toBe(missing);
    watcher.mkdir('/c/sessions');
    expect(watcher.watched()).toEqual(['/c/sessions']);
    const created = files.generation('/c/sessions/1.json');
    expect(created).not.toBe(missing);
    watcher.emit('/c/sessions', '1.json');
    expect(files.generation('/c/sessions/1.json')).not.toBe(created);
  });

  it('walks down one level at a time when several are missing', () => {
    const { watcher, files } = setup(['/h']);
    files.generation('/h/.claude/sessions/1.json');
    expect(watcher.watched()).toEqual(['/h']);
    watcher.dirs.add('/h/.claude');
    watcher.emit('/h', 'unrelated');
    expect(watcher.watched()).toEqual(['/h']);
    watcher.emit('/h', '.claude');
    expect(watcher.watched()).toEqual(['/h/.claude']);
    watcher.mkdir('/h/.claude/sessions');
    expect(watcher.watched()).toEqual(['/h/.claude/sessions']);
  });

  it('catches a directory created between the failed watch and the ancestor’s watch', () => {
    const { watcher, files } = setup(['/c']);
    const real = watcher.watch.bind(watcher);
    let created = false;
    watcher.watch = (dir, listener) => {
      const start = real(dir, listener);
      // Created right after its own watch failed: the ancestor's watch, begun next, reports nothing.
      if (dir === '/c/sessions' && !created) {
        created = true;
        watcher.dirs.add('/c/sessions');
      }
      return start;
    };
    files.generation('/c/sessions/1.json');
    expect(watcher.watched()).toEqual(['/c/sessions']);
  });

  it('goes back to the ancestor when the directory is removed, and watches it again when it returns', () => {
    const { watcher, files } = setup();
    const before = files.generation('/c/sessions/1.json');
    watcher.rmdir('/c/sessions');
    expect(watcher.watched()).toEqual(['/c']);
    const gone = files.generation('/c/sessions/1.json');
    expect(gone).not.toBe(before);
    watcher.mkdir('/c/sessions');
    expect(watcher.watched()).toEqual(['/c/sessions']);
    expect(files.generation('/c/sessions/1.json')).not.toBe(gone);
  });

  it('looks higher up when the watched ancestor itself is removed', () => {
    const { watcher, files } = setup(['/h/.claude']);
    files.generation('/h/.claude/sessions/1.json');
    expect(watcher.watched()).toEqual(['/h/.claude']);
    watcher.rmdir('/h/.claude');
    expect(watcher.watched()).toEqual(['/h']);
    watcher.mkdir('/h/.claude/sessions');
    expect(watcher.watched()).toEqual(['/h/.claude/sessions']);
  });

  it('shares one ancestor watch between missing directories, and closes it when the last appears', () => {
    const { watcher, files } = setup(['/c']);
    files.generation('/c/sessions/1.json');
    files.generation('/c/projects/-p/s.jsonl');
    expect(watcher.watched()).toEqual(['/c']);
    watcher.mkdir('/c/sessions');
    expect(watcher.watched()).toEqual(['/c', '/c/sessions']);
    watcher.mkdir('/c/projects/-p');
    expect(watcher.watched()).toEqual(['/c/projects/-p', '/c/sessions']);
  });
});

describe('FileGenerations when watching fails', () => {
  it('polls a directory it cannot watch, at the poll interval, and says so once', () => {
    const { watcher, files, clock, logger } = setup(['/c/sessions', '/d/sessions']);
    watcher.failing.set('/c/sessions', 'ENOSPC');
    watcher.failing.set('/d/sessions', 'ENOSPC');
    const first = files.generation('/c/sessions/1.json');
    files.generation('/d/sessions/1.json');
    clock.nowMs += POLL_MS - 1;
    expect(files.generation('/c/sessions/1.json')).toBe(first);
    clock.nowMs += 1;
    const polled = files.generation('/c/sessions/1.json');
    expect(polled).not.toBe(first);
    expect(files.generation('/c/sessions/1.json')).toBe(polled);
    expect(files.modes()).toEqual({ watching: 0, waiting: 0, polling: 2 });
    expect(logger.messages('warn')).toEqual(['cannot watch a directory; polling it instead (said once)']);
    expect(logger.entries.find((e) => e.level === 'warn')?.fields).toMatchObject({ dir: '/c/sessions' });
    expect(logger.messages('debug')).toContain('cannot watch a directory; polling it instead');
  });

  it('polls a missing directory whose ancestors cannot be watched either', () => {
    const { watcher, files } = setup(['/c']);
    watcher.failing.set('/c', 'EACCES');
    files.generation('/c/sessions/1.json');
    expect(files.modes()).toEqual({ watching: 0, waiting: 0, polling: 1 });
  });

  it('polls past the most watches it may hold', () => {
    const { files } = setup(Array.from({ length: 20 }, (_, i) => `/p/${i}`));
    for (let i = 0; i < 20; i += 1) files.generation(`/p/${i}/s.jsonl`);
    expect(files.modes().watching).toBeLessThanOrEqual(17);
    expect(files.modes().polling).toBeGreaterThan(0);
  });
});

describe('FileGenerations lifetime', () => {
  it('forgets and stops watching directories nobody asked about for a minute', () => {
    const { watcher, files, clock } = setup(['/c/sessions', '/c/projects/-p']);
    files.generation('/c/sessions/1.json');
    files.generation('/c/projects/-p/s.jsonl');
    clock.nowMs += 30_000;
    files.generation('/c/sessions/1.json');
    clock.nowMs += 31_000;
    files.generation('/c/sessions/1.json');
    expect(watcher.watched()).toEqual(['/c/sessions']);
  });

  it('closes every watch, and after close every generation is new', () => {
    const { watcher, files } = setup(['/c/sessions', '/d']);
    files.generation('/c/sessions/1.json');
    files.generation('/d/sessions/1.json');
    expect(watcher.watched()).toEqual(['/c/sessions', '/d']);
    files.close();
    expect(watcher.watched()).toEqual([]);
    expect(files.generation('/c/sessions/1.json')).not.toBe(files.generation('/c/sessions/1.json'));
    watcher.emit('/c/sessions', '1.json'); // a late event from a closed watch changes nothing
  });
});
