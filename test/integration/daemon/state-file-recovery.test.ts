import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { readDaemonLog } from '../../helpers/daemon-log.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

type Saved = { version: number; entries: { session: { id: string } }[] };

/** A state dir holding `sessions.json` with exactly `text`, for a daemon to start on. */
function stateWith(text: string): { dir: ReturnType<typeof makeTempDir>; stateDir: string; file: string } {
  const dir = makeTempDir();
  const stateDir = join(dir.path, 'state', 'atm');
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const file = join(stateDir, 'sessions.json');
  writeFileSync(file, text);
  return { dir, stateDir, file };
}

const asideFiles = (stateDir: string): string[] =>
  readdirSync(stateDir).filter((name) => /^sessions\.json\.corrupt-\d{8}T\d{6}Z$/.test(name));

/** Issue 10, defects 8 and 9: what atmd finds in its state dir at start-up. */
describe('the saved registry at start-up', () => {
  it.each([
    ['not JSON', 'garbage {', /is not valid JSON/],
    ['a version this atm does not know', '{"version":2,"entries":[]}', /is not an atm state file version 1/],
  ])('a file that is %s is kept aside, the log says where, and atmd starts empty', async (_what, text, why) => {
    const { dir, stateDir, file } = stateWith(text);
    await using _dir = dir;
    await using daemon = await startDaemon({ dir });
    const [aside] = asideFiles(stateDir);
    expect(aside).toBeDefined();
    expect(readFileSync(join(stateDir, aside ?? ''), 'utf8')).toBe(text);
    const warning = readDaemonLog(stateDir).find((r) => r.level === 'warn');
    expect(warning?.message).toMatch(why);
    expect(warning?.message).toContain(`kept it as ${join(stateDir, aside ?? '')} and started empty`);
    expect(await listSessions(daemon.socketPath)).toEqual([]);
    const id = sessionId('after');
    await sendOneShot(daemon.socketPath, {}, hook(id, 'UserPromptSubmit'));
    expect(await daemon.stop()).toBe(0);
    expect((JSON.parse(readFileSync(file, 'utf8')) as Saved).entries.map((e) => e.session.id)).toEqual([id]);
    expect(readFileSync(join(stateDir, aside ?? ''), 'utf8')).toBe(text);
  });

  it('a file with one unreadable entry: the rest are restored and a copy of the whole file is kept', async () => {
    await using first = await startDaemon();
    const good = sessionId('good');
    await sendOneShot(first.socketPath, {}, hook(good, 'UserPromptSubmit'));
    expect(await first.stop()).toBe(0);
    const file = join(first.stateDir, 'sessions.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    const text = JSON.stringify({ ...saved, entries: [...saved.entries, { session: { id: 42 } }] });
    writeFileSync(file, text);
    await first.restart();
    expect((await listSessions(first.socketPath)).map((s) => s.id)).toEqual([good]);
    const [aside] = asideFiles(first.stateDir);
    expect(readFileSync(join(first.stateDir, aside ?? ''), 'utf8')).toBe(text);
    expect(readDaemonLog(first.stateDir).find((r) => r.level === 'warn')?.message).toBe(
      `1 saved sessions in ${file} could not be read; a copy of the file is kept as ${join(first.stateDir, aside ?? '')}`,
    );
  });

  it('removes the temp files a killed atmd left mid-save, and only those', async () => {
    // A pid that ran and is gone: a process that has exited and been reaped.
    const gone = spawnSync('true').pid;
    const { dir, stateDir } = stateWith('{"version":1,"entries":[]}');
    await using _dir = dir;
    const stale = join(stateDir, `sessions.json.${gone}.1796590000000.abc123.tmp`);
    const live = join(stateDir, `sessions.json.${process.pid}.1796590000001.def456.tmp`); // a running writer's
    const other = join(stateDir, 'sessions.json.bak');
    for (const path of [stale, live, other]) writeFileSync(path, '{"version":1,"entries":[');
    await using daemon = await startDaemon({ dir });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(readDaemonLog(daemon.stateDir).find((r) => r.message.startsWith('removed temp files'))).toMatchObject({
      level: 'info',
      files: [stale],
    });
  });

  it('restoring more sessions than daemon.maxSessions says how many were cut', async () => {
    await using dir = makeTempDir();
    {
      await using first = await startDaemon({ dir });
      for (let n = 0; n < 5; n += 1) await sendOneShot(first.socketPath, {}, hook(sessionId(`cut${n}`), 'Stop'));
      expect(await first.stop()).toBe(0);
    }
    await using second = await startDaemon({ dir, config: { daemon: { maxSessions: 3 } } });
    expect(await listSessions(second.socketPath)).toHaveLength(3);
    expect(readDaemonLog(second.stateDir).find((r) => r.level === 'warn')).toMatchObject({
      message: 'saved sessions beyond daemon.maxSessions were not restored',
      cut: 2,
      maxSessions: 3,
    });
  });
});
