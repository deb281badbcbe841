import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAtmd } from '../../helpers/atmd-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { sendOneShot, sendRawOneShot } from '../../helpers/one-shot-client.js';
import { pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { answers } from '../../../src/platform/socket-probe.js';

const isRoot = process.getuid?.() === 0;

/** Fills the file system holding `dir` until it refuses a byte more; returns the files written. */
function fill(dir: string): string[] {
  const files: string[] = [];
  for (let size = 64 * 1024; size >= 1;) {
    const file = join(dir, `filler-${files.length}`);
    try {
      files.push(file);
      writeFileSync(file, Buffer.alloc(size));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      size = Math.floor(size / 2);
    }
  }
  return files;
}

/**
 * Issue 10, defects 5 and 6, with real parts: atmd started the way `atm` starts it (a stderr
 * pipe read while it starts, then destroyed: src/client/daemon-launcher.ts), its state and log
 * on a real 2 MB tmpfs that the test fills. Every log write then fails with ENOSPC, again and
 * again, and atmd says so on the closed stderr. It must keep serving, lose no report, and stop
 * cleanly: exit 0, where an uncaught error would have sent it down the exit-70 path. Needs root
 * (to mount).
 */
describe.skipIf(!isRoot)('atmd on a full disk', () => {
  it('keeps serving, and saves everything once there is room again', async () => {
    await using dir = makeTempDir();
    const env = daemonEnv(dir.path);
    const state = join(dir.path, 'state');
    for (const sub of ['home', 'run', 'state', 'config/atm'])
      mkdirSync(join(dir.path, sub), { recursive: true, mode: 0o700 });
    writeFileSync(join(dir.path, 'config', 'atm', 'config.json'), JSON.stringify({ daemon: { persistDebounceMs: 0 } }));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', state]);
    using _unmount = { [Symbol.dispose]: () => void execFileSync('umount', ['-l', state]) };
    const socketPath = join(dir.path, 'run', 'atm.sock');
    await using atmd = spawnAtmd(env);
    await pollUntil(() => answers(socketPath, 200), { what: 'atmd to answer' });
    atmd.process.stderr?.destroy(); // as the launcher does once atmd answers
    const before = sessionId('before');
    await sendOneShot(socketPath, {}, hook(before, 'UserPromptSubmit'));

    const fillers = fill(state);
    const during: string[] = [];
    // The log file's last page may still take a few lines: enough rounds to overflow it.
    for (let n = 0; n < 40; n += 1) {
      // A bad envelope makes atmd log a warning: one more write to the full disk each time.
      await sendRawOneShot(socketPath, '{"atm":"1.1","kind":"nonsense"}\n{}');
      const id = sessionId(`full${n}`);
      during.push(id);
      await sendOneShot(socketPath, {}, hook(id, 'UserPromptSubmit'));
      expect((await listSessions(socketPath)).map((s) => s.id).sort()).toEqual([before, ...during].sort());
    }
    for (const file of fillers) rmSync(file, { force: true });
    expect(await atmd.stop()).toEqual({ code: 0, signal: null });
    const saved = JSON.parse(readFileSync(join(state, 'atm', 'sessions.json'), 'utf8')) as {
      entries: { session: { id: string } }[];
    };
    expect(saved.entries.map((e) => e.session.id).sort()).toEqual([before, ...during].sort());
    // Every save that failed removed its temp file.
    expect(readdirSync(join(state, 'atm')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
