import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { spawnAtmd } from '../../helpers/atmd-process.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { readDaemonLog } from '../../helpers/daemon-log.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';

type SavedFile = { version: number; entries: { session: { id: string } }[] };
const readSaved = (stateDir: string): SavedFile =>
  JSON.parse(readFileSync(join(stateDir, 'sessions.json'), 'utf8')) as SavedFile;

/** Busy-waits (one check per event-loop turn) so the signal lands as soon as the path appears. */
async function whenExists(path: string): Promise<void> {
  while (!existsSync(path)) await new Promise((resolve) => setImmediate(resolve));
}

/** Issue 10, defect 7: a stop signal at any moment after atmd started loading saves and exits 0. */
describe('stop signals', () => {
  it('SIGHUP saves every session and exits 0', async () => {
    await using daemon = await startDaemon();
    const ids = [sessionId('hup1'), sessionId('hup2')];
    for (const id of ids) await sendOneShot(daemon.socketPath, {}, hook(id, 'UserPromptSubmit'));
    expect(await daemon.stop('SIGHUP')).toBe(0);
    expect(
      readSaved(daemon.stateDir)
        .entries.map((e) => e.session.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(readDaemonLog(daemon.stateDir).at(-2)).toMatchObject({ message: 'atmd stopping', signal: 'SIGHUP' });
  });

  it('a SIGTERM while atmd is still restoring is handled once it has started: exit 0, nothing lost', async () => {
    // A big saved registry makes start-up long enough to signal in the middle of it for sure.
    await using daemon = await startDaemon({ config: { daemon: { maxSessions: 20_000 } } });
    await sendOneShot(daemon.socketPath, {}, hook(sessionId('big'), 'UserPromptSubmit'));
    expect(await daemon.stop()).toBe(0);
    const saved = readSaved(daemon.stateDir);
    const [entry] = saved.entries;
    const entries = Array.from({ length: 10_000 }, (_, n) => ({
      ...entry,
      session: { ...entry?.session, id: sessionId(`big${n}`) },
    }));
    writeFileSync(join(daemon.stateDir, 'sessions.json'), JSON.stringify({ ...saved, entries }));
    // The log dir is created just before the restore starts: its reappearance says atmd is starting.
    const logDir = join(daemon.stateDir, 'log');
    rmSync(logDir, { recursive: true });
    await using atmd = spawnAtmd(daemon.env);
    await whenExists(logDir);
    process.kill(atmd.pid, 'SIGTERM');
    expect(await atmd.exited).toEqual({ code: 0, signal: null });
    expect(readSaved(daemon.stateDir).entries).toHaveLength(10_000);
    expect(readDaemonLog(daemon.stateDir).at(-1)).toMatchObject({ message: 'atmd stopped', sessions: 10_000 });
  });

  it('a SIGTERM just as the socket appears (before its chmod) is handled too', async () => {
    await using daemon = await startDaemon();
    await sendOneShot(daemon.socketPath, {}, hook(sessionId('win'), 'UserPromptSubmit'));
    expect(await daemon.stop()).toBe(0);
    for (let round = 0; round < 8; round += 1) {
      await using atmd = spawnAtmd(daemon.env);
      await whenExists(daemon.socketPath);
      process.kill(atmd.pid, 'SIGTERM');
      expect(await atmd.exited, `round ${round}`).toEqual({ code: 0, signal: null });
      expect(readSaved(daemon.stateDir).entries).toHaveLength(1);
      expect(existsSync(daemon.socketPath)).toBe(false);
    }
  });
});
