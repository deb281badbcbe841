import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId, statusLine } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { readDaemonLog, waitForLog } from '../../helpers/daemon-log.js';
import { listSessions, waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { pollFor } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const stateFile = (stateDir: string): string => join(stateDir, 'sessions.json');
const savedIds = (stateDir: string): string[] => {
  const saved = JSON.parse(readFileSync(stateFile(stateDir), 'utf8')) as {
    version: number;
    entries: { session: { id: string } }[];
  };
  expect(saved.version).toBe(1);
  return saved.entries.map((entry) => entry.session.id).sort();
};

describe('persistence across restarts', () => {
  it('keeps the sessions through SIGTERM and a restart, dropping agents that died meanwhile', async () => {
    await using dir = makeTempDir();
    await using daemon = await startDaemon({ dir });
    await using alive = spawnAgent();
    await using dies = spawnAgent();
    const [a, b, c] = [sessionId('alive'), sessionId('dies'), sessionId('nopid')];
    await sendOneShot(daemon.socketPath, { agentPid: alive.pid, pane: '%1' }, hook(a, 'PermissionRequest'));
    await sendOneShot(daemon.socketPath, { kind: 'status', agentPid: alive.pid }, statusLine(a, { usedPercent: 77 }));
    await sendOneShot(daemon.socketPath, { agentPid: dies.pid }, hook(b, 'UserPromptSubmit'));
    await sendOneShot(daemon.socketPath, {}, hook(c, 'SubagentStart'));
    await waitForSession(daemon.socketPath, a, (s) => s.context !== null);
    const before = await listSessions(daemon.socketPath);
    expect(before).toHaveLength(3);

    expect(await daemon.stop()).toBe(0);
    expect(savedIds(daemon.stateDir)).toEqual([a, b, c].sort());
    // Written through a temp file and a rename: nothing else is left next to it, and it is private.
    expect(readdirSync(daemon.stateDir).sort()).toEqual(['log', 'sessions.json']);
    expect(statSync(stateFile(daemon.stateDir)).mode & 0o777).toBe(0o600);

    await dies.kill();
    await daemon.restart();
    const after = await listSessions(daemon.socketPath);
    expect(after.map((s) => s.id).sort()).toEqual([a, c].sort());
    for (const session of after) expect(session).toEqual(before.find((s) => s.id === session.id));
    const restored = await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'restored sessions' && r.restored === 2,
      'restored',
    );
    expect(restored).toMatchObject({ dead: 1, invalid: 0 });
  });

  it('saves soon after a change, so even a SIGKILLed daemon loses nothing', async () => {
    await using dir = makeTempDir();
    await using daemon = await startDaemon({ dir, config: { daemon: { persistDebounceMs: 50 } } });
    const id = sessionId('killed');
    await sendOneShot(daemon.socketPath, {}, hook(id, 'PreToolUse', { tool_name: 'Edit' }));
    await pollFor(
      () => {
        try {
          return savedIds(daemon.stateDir).includes(id) ? true : undefined;
        } catch {
          return undefined;
        }
      },
      { what: 'the state file to hold the session' },
    );
    await daemon.stop('SIGKILL');
    await daemon.restart();
    expect(await listSessions(daemon.socketPath)).toMatchObject([{ id, status: 'working', tool: { name: 'Edit' } }]);
  });

  it('flushes the registry at shutdown, whatever the debounce', async () => {
    await using dir = makeTempDir();
    await using daemon = await startDaemon({ dir, config: { daemon: { persistDebounceMs: 60_000 } } });
    const id = sessionId('flush');
    await sendOneShot(daemon.socketPath, {}, hook(id, 'Stop'));
    await waitForSession(daemon.socketPath, id);
    expect(await daemon.stop('SIGINT')).toBe(0);
    expect(savedIds(daemon.stateDir)).toEqual([id]);
  });

  it('never lets a reader see a torn state file while it changes fast', async () => {
    await using dir = makeTempDir();
    await using daemon = await startDaemon({ dir, config: { daemon: { persistDebounceMs: 0 } } });
    let reads = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        let text: string | null = null;
        try {
          text = readFileSync(stateFile(daemon.stateDir), 'utf8');
        } catch {
          // not written yet
        }
        if (text !== null) {
          expect((): unknown => JSON.parse(text)).not.toThrow();
          reads += 1;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const ids = Array.from({ length: 20 }, (_, i) => sessionId(`torn-${i}`));
    for (let round = 0; round < 10; round += 1) {
      await Promise.all(
        ids.map((id) =>
          sendOneShot(
            daemon.socketPath,
            {},
            hook(id, round % 2 === 0 ? 'UserPromptSubmit' : 'Stop', { cwd: `/x/${'y'.repeat(2000)}` }),
          ),
        ),
      );
    }
    await pollFor(() => (reads > 20 ? true : undefined), { what: 'reads of the state file' });
    writing = false;
    await reader;
  });

  it.each([
    ['not JSON', '{"version":1,"entries":[', 'is not valid JSON'],
    ['another format', '{"version":99,"sessions":{}}', 'is not an atm state file version 1'],
    ['empty', '', 'is not valid JSON'],
  ])('starts empty, and says so in the log, when the state file is %s', async (_name, content, logged) => {
    await using dir = makeTempDir();
    await using first = await startDaemon({ dir });
    await first.stop();
    writeFileSync(stateFile(first.stateDir), content);
    await first.restart();
    expect(await listSessions(first.socketPath)).toEqual([]);
    const record = await waitForLog(first.stateDir, (r) => r.message.includes(logged), logged);
    expect(record.level).toBe('warn');
    // And it carries on: the next change replaces the bad file with a good one.
    const id = sessionId('fresh');
    await sendOneShot(first.socketPath, {}, hook(id, 'UserPromptSubmit'));
    await pollFor(
      () => {
        try {
          return savedIds(first.stateDir).includes(id) ? true : undefined;
        } catch {
          return undefined;
        }
      },
      { what: 'a good state file' },
    );
  });

  it('drops only the entries it cannot read', async () => {
    await using dir = makeTempDir();
    await using daemon = await startDaemon({ dir });
    const id = sessionId('good');
    await sendOneShot(daemon.socketPath, {}, hook(id, 'UserPromptSubmit'));
    await waitForSession(daemon.socketPath, id);
    await daemon.stop();
    const saved = JSON.parse(readFileSync(stateFile(daemon.stateDir), 'utf8')) as { entries: unknown[] };
    saved.entries.push({ session: { id: 'broken' } }, 'nonsense', null);
    writeFileSync(stateFile(daemon.stateDir), JSON.stringify(saved));
    await daemon.restart();
    expect((await listSessions(daemon.socketPath)).map((s) => s.id)).toEqual([id]);
    expect(
      readDaemonLog(daemon.stateDir).find((r) => r.message === 'restored sessions' && r.invalid === 3),
    ).toBeDefined();
  });
});
