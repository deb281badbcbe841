import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { readDaemonLog, waitForLog } from '../../helpers/daemon-log.js';
import { sendRawOneShot } from '../../helpers/one-shot-client.js';

describe("atmd's log", () => {
  it('is private JSON lines in $XDG_STATE_HOME/atm/log, daily files with an explicit audit file', async () => {
    await using daemon = await startDaemon();
    await waitForLog(daemon.stateDir, (r) => r.message === 'atmd listening', 'listening');
    expect(await daemon.stop()).toBe(0);
    const dir = join(daemon.stateDir, 'log');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).sort();
    const today = new Date().toISOString().slice(0, 10);
    expect(files).toContain('.atmd-audit.json');
    const logs = files.filter((name) => name.endsWith('.log'));
    expect(logs.length).toBeGreaterThanOrEqual(1);
    for (const name of logs) {
      expect(name).toMatch(/^atmd-\d{4}-\d{2}-\d{2}\.log$/);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
      for (const line of readFileSync(join(dir, name), 'utf8').trimEnd().split('\n')) {
        expect(JSON.parse(line)).toMatchObject({
          level: expect.any(String),
          message: expect.any(String),
          timestamp: expect.any(String),
        });
      }
    }
    // Dated by local time; around midnight UTC the name may differ from the UTC date by a day.
    expect(logs.some((name) => Math.abs(Date.parse(name.slice(5, 15)) - Date.parse(today)) <= 86_400_000)).toBe(true);
  });

  it('logs its memory periodically, and warns above rssWarnMb', async () => {
    await using daemon = await startDaemon({ config: { daemon: { rssLogIntervalMs: 1_000, rssWarnMb: 1 } } });
    const warning = await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'memory above the warning threshold',
      'memory warning',
    );
    expect(warning).toMatchObject({
      level: 'warn',
      rssWarnMb: 1,
      rssMb: expect.any(Number),
      sessions: 0,
      subscribers: 0,
    });
    expect(warning.rssMb).toBeGreaterThan(1);
  });

  it('writes only the lines at or above its level', async () => {
    await using daemon = await startDaemon({ env: { ATM_LOG_LEVEL: '' }, config: { logLevel: 'warn' } });
    expect(await sendRawOneShot(daemon.socketPath, '{"atm":"1.0","kind":"nope","ts":1}\n{}')).toBe('');
    await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'bad one-shot envelope' && r.level === 'warn',
      'the warning',
    );
    expect(await daemon.stop()).toBe(0);
    expect(readDaemonLog(daemon.stateDir).filter((r) => r.level !== 'warn' && r.level !== 'error')).toEqual([]);
  });
});
