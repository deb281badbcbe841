import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Registry } from '../../../src/domain/registry.js';
import { ClaudeReconciler } from '../../../src/integrations/claude/claude-reconciler.js';
import { createFsWatchDirWatcher } from '../../../src/platform/fs-watch-dir-watcher.js';
import { MemoryLogger } from '../../helpers/daemon-fakes.js';
import { pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { PID, SID, entry, sessionsFile } from '../../unit/integrations/claude/reconcile-helpers.js';

/**
 * The reconciler on the real fs.watch adapter (inotify) and real files: a round reads a
 * sessions file or transcript only after an event for it, so these pass only if the events
 * come. The unwatched poll interval is set to ten minutes: a test that passed by polling
 * would time out instead. The failure paths are in test/unit/integrations/claude/reconcile-watched.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setup(options: { sessionsDir: boolean }) {
  const dir = makeTempDir('atm-rwr-');
  cleanups.push(() => dir[Symbol.dispose]());
  const config = join(dir.path, 'claude');
  const sessions = join(config, 'sessions');
  const project = join(config, 'projects', '-home-user-project');
  mkdirSync(project, { recursive: true });
  if (options.sessionsDir) mkdirSync(sessions);
  const transcript = join(project, `${SID}.jsonl`);
  writeFileSync(transcript, `${JSON.stringify({ type: 'assistant', message: { content: [] } })}\n`);
  const logger = new MemoryLogger();
  const registry = new Registry({ maxSessions: 10 });
  const startedAt = Date.now() - 10_000;
  registry.record({
    type: 'restored',
    id: SID,
    entry: { ...entry({ status: 'working', statusAt: startedAt }), transcriptPath: transcript },
  });
  const reconciler = new ClaudeReconciler({
    registry,
    now: Date.now,
    logger,
    apply: (event) => void registry.apply(event, Date.now()),
    defaultConfigDir: config,
    dirWatcher: createFsWatchDirWatcher(),
    unwatchedPollMs: 600_000,
  });
  cleanups.push(() => reconciler.close());
  const sessionsPath = join(sessions, `${PID}.json`);
  const status = (): string | undefined => registry.get(SID)?.session.status;
  /** Rounds until the session reads `want`, as the liveness tick would run them. */
  const roundsUntil = (want: string): Promise<void> =>
    pollUntil(
      async () => {
        await reconciler.run();
        return status() === want;
      },
      { what: `the session to read ${want}`, timeoutMs: 20_000 },
    );
  return { logger, reconciler, sessions, transcript, sessionsPath, status, roundsUntil };
}

describe('the reconciler on real inotify', () => {
  it('sees an in-place write of the sessions file (Claude rewrites it in place)', async () => {
    const t = setup({ sessionsDir: true });
    writeFileSync(t.sessionsPath, JSON.stringify(sessionsFile('busy', Date.now() - 5_000)));
    await t.reconciler.run();
    expect(t.status()).toBe('working');
    writeFileSync(t.sessionsPath, JSON.stringify(sessionsFile('idle', Date.now())));
    await t.roundsUntil('idle');
    expect(t.logger.messages('warn')).toEqual([]);
  });

  it('sees a rename-over write into a sessions dir created after the session started', async () => {
    const t = setup({ sessionsDir: false });
    await t.reconciler.run(); // watches the config dir, waiting for sessions/
    mkdirSync(t.sessions);
    writeFileSync(`${t.sessionsPath}.tmp`, JSON.stringify(sessionsFile('idle', Date.now())));
    renameSync(`${t.sessionsPath}.tmp`, t.sessionsPath);
    await t.roundsUntil('idle');
    expect(t.logger.messages('warn')).toEqual([]);
  });

  it('sees an interrupt appended to the transcript', async () => {
    const t = setup({ sessionsDir: true });
    await t.reconciler.run();
    const marker = {
      type: 'user',
      message: { content: [{ type: 'text', text: '[Request interrupted by user]' }] },
      timestamp: new Date().toISOString(),
    };
    appendFileSync(t.transcript, `${JSON.stringify(marker)}\n`);
    await t.roundsUntil('idle');
    expect(t.logger.messages('warn')).toEqual([]);
  });
});
