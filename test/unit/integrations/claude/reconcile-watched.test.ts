import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Registry } from '../../../../src/domain/registry.js';
import { ClaudeReconciler, UNWATCHED_POLL_MS } from '../../../../src/integrations/claude/claude-reconciler.js';
import { FakeClock, MemoryLogger } from '../../../helpers/daemon-fakes.js';
import { FakeDirWatcher } from '../../../helpers/fake-dir-watcher.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';
import { PID, SID, T0, entry, sessionsFile } from './reconcile-helpers.js';

/**
 * The reconciler reading only what an event says changed: real files in a temp dir, a fake
 * DirWatcher that the test drives (so a file changed WITHOUT an event shows it is not re-read,
 * and a watch can fail on demand). test/integration/reconcile covers the real fs.watch.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setup(options: { sessionsDir?: boolean } = {}) {
  const dir = makeTempDir('atm-rw-');
  cleanups.push(() => dir[Symbol.dispose]());
  const config = join(dir.path, 'claude');
  const sessions = join(config, 'sessions');
  const project = join(config, 'projects', '-home-user-project');
  mkdirSync(project, { recursive: true });
  if (options.sessionsDir !== false) mkdirSync(sessions);
  const transcript = join(project, `${SID}.jsonl`);
  writeFileSync(transcript, `${JSON.stringify({ type: 'assistant', message: { content: [] } })}\n`);

  const watcher = new FakeDirWatcher();
  watcher.mkdir(project);
  if (options.sessionsDir !== false) watcher.mkdir(sessions);
  const clock = new FakeClock(T0 + 10_000);
  const logger = new MemoryLogger();
  const registry = new Registry({ maxSessions: 10 });
  const working = { ...entry({ status: 'working', statusAt: T0 }), transcriptPath: transcript };
  registry.record({ type: 'restored', id: SID, entry: working });
  const reconciler = new ClaudeReconciler({
    registry,
    now: clock.now,
    logger,
    apply: (event) => void registry.apply(event, clock.now()),
    defaultConfigDir: config,
    dirWatcher: watcher,
  });
  cleanups.push(() => reconciler.close());
  const sessionsPath = join(sessions, `${PID}.json`);
  return {
    watcher,
    clock,
    logger,
    reconciler,
    sessions,
    project,
    transcript,
    status: () => registry.get(SID)?.session.status,
    /** Writes the sessions file as Claude does (in place), without telling the watcher. */
    write: (status: string, at: number) => writeFileSync(sessionsPath, JSON.stringify(sessionsFile(status, at))),
    /** The event the OS would send for that write. */
    tell: () => watcher.emit(sessions, `${PID}.json`),
    sessionsPath,
  };
}

describe('the reconciler reads only what changed', () => {
  it('does not read the sessions file again until an event names it; the event shows the Esc', async () => {
    const t = setup();
    t.write('busy', T0 + 1_000);
    await t.reconciler.run();
    expect(t.status()).toBe('working');
    t.write('idle', T0 + 2_000); // no event yet: what was read stays
    await t.reconciler.run();
    expect(t.status()).toBe('working');
    t.tell();
    await t.reconciler.run();
    expect(t.status()).toBe('idle');
  });

  it('sees a rename-over write through the event for the target name', async () => {
    const t = setup();
    await t.reconciler.run();
    writeFileSync(`${t.sessionsPath}.tmp`, JSON.stringify(sessionsFile('idle', T0 + 2_000)));
    t.watcher.emit(t.sessions, `${PID}.json.tmp`);
    renameSync(`${t.sessionsPath}.tmp`, t.sessionsPath);
    t.watcher.emit(t.sessions, `${PID}.json.tmp`);
    await t.reconciler.run();
    expect(t.status()).toBe('working');
    t.tell();
    await t.reconciler.run();
    expect(t.status()).toBe('idle');
  });

  it('forgets a file that vanished once its event comes (the pane hint it gave is gone)', async () => {
    const t = setup();
    t.write('busy', T0 + 1_000);
    const current = (): ReturnType<typeof entry> => ({ ...entry({ status: 'working', statusAt: T0 }) });
    expect(await t.reconciler.paneHint(current())).toBe('%0');
    rmSync(t.sessionsPath);
    expect(await t.reconciler.paneHint(current())).toBe('%0');
    t.tell();
    expect(await t.reconciler.paneHint(current())).toBeNull();
  });

  it('finds a sessions dir created after the session started, through its parent’s event', async () => {
    const t = setup({ sessionsDir: false });
    await t.reconciler.run();
    expect(t.watcher.watched()).toContain(join(t.sessions, '..'));
    mkdirSync(t.sessions);
    t.write('idle', T0 + 2_000);
    t.watcher.mkdir(t.sessions);
    await t.reconciler.run();
    expect(t.status()).toBe('idle');
    expect(t.watcher.watched()).toContain(t.sessions);
  });

  it('reads a transcript again only after an event for it', async () => {
    const t = setup();
    await t.reconciler.run();
    const marker = {
      type: 'user',
      message: { content: [{ type: 'text', text: '[Request interrupted by user]' }] },
      timestamp: new Date(T0 + 2_000).toISOString(),
    };
    appendFileSync(t.transcript, `${JSON.stringify(marker)}\n`);
    await t.reconciler.run();
    expect(t.status()).toBe('working');
    t.watcher.emit(t.project, `${SID}.jsonl`);
    await t.reconciler.run();
    expect(t.status()).toBe('idle');
  });

  it('polls, every UNWATCHED_POLL_MS, a directory it cannot watch (the watch limit), and says so once', async () => {
    const t = setup();
    t.watcher.failing.set(t.sessions, 'ENOSPC');
    t.write('busy', T0 + 1_000);
    await t.reconciler.run();
    t.write('idle', T0 + 2_000);
    await t.reconciler.run();
    expect(t.status()).toBe('working');
    t.clock.nowMs += UNWATCHED_POLL_MS;
    await t.reconciler.run();
    expect(t.status()).toBe('idle');
    expect(t.logger.messages('warn')).toEqual(['cannot watch a directory; polling it instead (said once)']);
  });

  it('closes its watches', async () => {
    const t = setup();
    await t.reconciler.run();
    expect(t.watcher.watched().length).toBeGreaterThan(0);
    t.reconciler.close();
    expect(t.watcher.watched()).toEqual([]);
  });
});
