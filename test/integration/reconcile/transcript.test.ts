import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAgents } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForLog } from '../../helpers/daemon-log.js';
import { listSessions, waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { fakeClaudeDir, interruptRecord } from './fake-claude-dir.js';

const assistant = (text: string, at: number): Record<string, unknown> => ({
  type: 'assistant',
  isSidechain: false,
  message: { role: 'assistant', content: [{ type: 'text', text }] },
  timestamp: new Date(at).toISOString(),
});
const bookkeeping = (id: string): Record<string, unknown>[] => [
  { type: 'last-prompt', lastPrompt: 'wait a while', sessionId: id },
  { type: 'mode', mode: 'normal', sessionId: id },
];

/** Claude Code versions without a status in the sessions file: the transcript is the only witness of an Esc. */
describe('reconciliation from the transcript', () => {
  it('a trailing interrupt marker makes the session idle; a marker followed by more work does not', async () => {
    await using daemon = await startDaemon({ config: { daemon: { livenessIntervalMs: 200 } } });
    const claude = fakeClaudeDir(join(daemon.dir, 'home', '.claude'));
    await using agents = spawnAgents(4);
    const [escaped, resumed, older, probe] = agents.map((agent, i) => ({ pid: agent.pid, id: sessionId(`tr${i}`) }));
    if (escaped === undefined || resumed === undefined || older === undefined || probe === undefined)
      throw new Error('agents');
    const t0 = Date.now();
    for (const { pid, id } of [escaped, resumed, older, probe]) {
      await sendOneShot(
        daemon.socketPath,
        { agentPid: pid, ts: t0 },
        hook(id, 'PreToolUse', { transcript_path: claude.transcriptOf(id) }),
      );
      await waitForSession(daemon.socketPath, id, (s) => s.status === 'working');
    }
    // A big record first, so the marker sits past the first tail read of a long transcript.
    claude.appendTranscript(
      escaped.id,
      assistant('x'.repeat(300_000), t0 + 10),
      interruptRecord(escaped.id, t0 + 50),
      ...bookkeeping(escaped.id),
    );
    claude.appendTranscript(
      resumed.id,
      interruptRecord(resumed.id, t0 + 50),
      assistant('Okay, trying another way', t0 + 60),
    );
    // A marker from well before our last hook: the user has prompted again since.
    claude.appendTranscript(older.id, interruptRecord(older.id, t0 - 10_000));
    await waitForSession(daemon.socketPath, escaped.id, (s) => s.status === 'idle' && s.tool === null);
    const logged = await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'session status reconciled' && r.sessionId === escaped.id,
      'escaped',
    );
    expect(logged).toMatchObject({ source: 'transcript', change: 'idle' });

    // Proof that later rounds looked at the other two: a probe interrupted only now flips.
    claude.appendTranscript(probe.id, interruptRecord(probe.id, Date.now()));
    await waitForSession(daemon.socketPath, probe.id, (s) => s.status === 'idle');
    const sessions = await listSessions(daemon.socketPath);
    expect([resumed.id, older.id].map((id) => sessions.find((s) => s.id === id)?.status)).toEqual([
      'working',
      'working',
    ]);
  });
});
