import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAgent, spawnAgents } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForLog } from '../../helpers/daemon-log.js';
import { listSessions, waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { capturedSessionsFile, fakeClaudeDir } from './fake-claude-dir.js';

const statusOf = async (socketPath: string, id: string): Promise<unknown> =>
  (await listSessions(socketPath)).find((session) => session.id === id)?.status;

/** Esc fires no hook: these sessions only learn of it from what Claude Code leaves on disk. */
describe('reconciliation from the sessions file', () => {
  it('a session interrupted with Esc during an approved tool reads idle within a few seconds', async () => {
    using claudeDir = makeTempDir('atm-claude-');
    const claude = fakeClaudeDir(claudeDir.path);
    // atmd's own Claude config dir comes from its environment.
    await using daemon = await startDaemon({ env: { CLAUDE_CONFIG_DIR: claude.path } });
    await using agent = spawnAgent();
    const id = sessionId('esc');
    const t0 = Date.now();
    const send = (event: string, ts: number, fields: Record<string, unknown> = {}): Promise<string> =>
      sendOneShot(
        daemon.socketPath,
        { agentPid: agent.pid, ts },
        hook(id, event, { cwd: '/home/user/project', ...fields }),
      );

    // The esc-long-tool capture: prompt, a Bash tool, its permission dialog...
    await send('UserPromptSubmit', t0);
    await send('PreToolUse', t0 + 1);
    await send('PermissionRequest', t0 + 2);
    expect(await waitForSession(daemon.socketPath, id, (s) => s.status === 'waiting')).toMatchObject({
      waitingFor: 'permission',
    });
    // ...approved (no hook: only the sessions file turns busy)...
    claude.writeSessionsFile(
      agent.pid,
      capturedSessionsFile('esc-long-tool', 'sessions-file-during-tool.json', {
        pid: agent.pid,
        sessionId: id,
        at: t0 + 100,
      }),
    );
    const running = await waitForSession(daemon.socketPath, id, (s) => s.status === 'working');
    expect(running).toMatchObject({ waitingFor: null, tool: { name: 'Bash' } });
    // ...then Esc (no hook: only the sessions file turns idle).
    claude.writeSessionsFile(
      agent.pid,
      capturedSessionsFile('esc-long-tool', 'sessions-file-after-esc.json', {
        pid: agent.pid,
        sessionId: id,
        at: t0 + 200,
      }),
    );
    const started = Date.now();
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'idle');
    expect(Date.now() - started).toBeLessThan(5_000);
    const logged = await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'session status reconciled' && r.change === 'idle',
      'reconciled',
    );
    expect(logged).toMatchObject({ sessionId: id, from: 'working', source: 'sessions-file' });

    // A hook older than the reconciled status, arriving late, does not undo it...
    await send('PostToolUse', t0 + 150);
    expect(await statusOf(daemon.socketPath, id)).toBe('idle');
    // ...and a newer one (the next prompt) wins.
    await send('UserPromptSubmit', Date.now());
    expect(await statusOf(daemon.socketPath, id)).toBe('working');
  });

  it('finds the sessions file under the config dir the transcript path shows, whatever atmd was started with', async () => {
    await using daemon = await startDaemon();
    const own = fakeClaudeDir(join(daemon.dir, 'home', '.claude'));
    const other = fakeClaudeDir(join(daemon.dir, 'claude-b'));
    await using agent = spawnAgent();
    const id = sessionId('elsewhere');
    const t0 = Date.now();
    await sendOneShot(
      daemon.socketPath,
      { agentPid: agent.pid, ts: t0 },
      hook(id, 'UserPromptSubmit', { transcript_path: other.transcriptOf(id) }),
    );
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'working');
    // While the session's own dir has no file yet, atmd's default dir (~/.claude) is read: its
    // file says waiting, and atm follows it.
    own.writeSessionsFile(
      agent.pid,
      capturedSessionsFile('bash-permission', 'waiting', { pid: agent.pid, sessionId: id, at: t0 + 100 }),
    );
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'waiting');
    // Once the session's own dir (the transcript's) has one, it wins over the dir found before.
    other.writeSessionsFile(
      agent.pid,
      capturedSessionsFile('bash-permission', 'idle', { pid: agent.pid, sessionId: id, at: t0 + 200 }),
    );
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'idle');
  });

  it('ignores stale and garbage files: only a file about this process and session counts', async () => {
    await using daemon = await startDaemon({ config: { daemon: { livenessIntervalMs: 100 } } });
    const claude = fakeClaudeDir(join(daemon.dir, 'home', '.claude'));
    const t0 = Date.now();
    const idle = (pid: number, id: string, at: number) =>
      capturedSessionsFile('kill-pane', 'idle', { pid, sessionId: id, at });
    const cases: [what: string, content: (pid: number, id: string) => Record<string, unknown> | string][] = [
      ['half written', (pid) => `{"pid":${pid},"status":"id`],
      ['not JSON at all', () => '\u0000garbage'],
      ['another session of the same process (/clear)', (pid) => idle(pid, sessionId('cleared'), t0 + 100)],
      ['a status older than our last hook', (pid, id) => idle(pid, id, t0 - 1_000)],
      ['left by a dead process whose pid was reused', (pid, id) => ({ ...idle(pid, id, t0 + 100), procStart: '1' })],
      ['dated an hour ahead', (pid, id) => idle(pid, id, t0 + 3_600_000)],
      ['an unknown status', (pid, id) => ({ ...idle(pid, id, t0 + 100), status: 'pondering' })],
    ];
    await using agents = spawnAgents(cases.length + 2);
    const ids = agents.map((_, i) => sessionId(`stale${i}`));
    const pairs = agents.map((agent, i) => ({ pid: agent.pid, id: ids[i] ?? '' }));
    for (const { pid, id } of pairs) {
      await sendOneShot(daemon.socketPath, { agentPid: pid, ts: t0 }, hook(id, 'UserPromptSubmit'));
      await waitForSession(daemon.socketPath, id, (s) => s.status === 'working' && s.pid === pid);
    }
    for (const [i, [, content]] of cases.entries()) {
      const { pid, id } = pairs[i] ?? { pid: 0, id: '' };
      claude.writeSessionsFile(pid, content(pid, id));
    }
    // Proof that a whole round ran over every file above: a first probe flips in some round, and
    // a second probe, written only then, flips in a later one (rounds never overlap).
    for (const probe of pairs.slice(-2)) {
      claude.writeSessionsFile(probe.pid, idle(probe.pid, probe.id, t0 + 100));
      await waitForSession(daemon.socketPath, probe.id, (s) => s.status === 'idle');
    }
    const sessions = await listSessions(daemon.socketPath);
    const statuses = cases.map(([what], i) => [what, sessions.find((s) => s.id === ids[i])?.status]);
    expect(statuses).toEqual(cases.map(([what]) => [what, 'working']));
  });
});
