import { join } from 'node:path';
import { describe, it } from 'vitest';
import { spawnAgents } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { capturedSessionsFile, fakeClaudeDir } from './fake-claude-dir.js';

/**
 * atmd reads a sessions file only after fs.watch (inotify) says it changed. These run the real
 * atmd on the real file system, where what matters is that no event is missed: a config dir
 * that does not exist yet when atmd first looks, and files replaced by rename (as the harness
 * writes them) or rewritten in place.
 */
describe('reconciliation through watched directories', () => {
  it('sees an Esc in a config dir that did not exist when atmd first looked for the file', async () => {
    using claudeDir = makeTempDir('atm-claude-');
    const late = join(claudeDir.path, 'not-yet', 'claude');
    await using daemon = await startDaemon({
      env: { CLAUDE_CONFIG_DIR: late },
      config: { daemon: { livenessIntervalMs: 200 } },
    });
    const probeDir = fakeClaudeDir(join(daemon.dir, 'probe-claude'));
    await using agents = spawnAgents(3);
    const pairs: { pid: number; id: string }[] = agents.map((agent, i) => ({
      pid: agent.pid,
      id: sessionId(`late${i}`),
    }));
    const [subject, ...probes] = pairs;
    const t0 = Date.now();
    for (const [i, { pid, id }] of pairs.entries()) {
      // The probes' transcripts put their sessions files under probeDir; the subject's is only in `late`.
      const fields = i === 0 ? { transcript_path: null } : { transcript_path: probeDir.transcriptOf(id) };
      await sendOneShot(daemon.socketPath, { agentPid: pid, ts: t0 }, hook(id, 'UserPromptSubmit', fields));
      await waitForSession(daemon.socketPath, id, (s) => s.status === 'working' && s.pid === pid);
    }
    // Proof that whole rounds ran while `late` was missing: a first probe flips in some round,
    // and a second, written only then, flips in a later one.
    for (const probe of probes) {
      probeDir.writeSessionsFile(
        probe.pid,
        capturedSessionsFile('kill-pane', 'idle', { pid: probe.pid, sessionId: probe.id, at: t0 + 100 }),
      );
      await waitForSession(daemon.socketPath, probe.id, (s) => s.status === 'idle');
    }
    if (subject === undefined) return;
    const claude = fakeClaudeDir(late); // creates not-yet/claude/sessions now
    claude.writeSessionsFile(
      subject.pid,
      capturedSessionsFile('esc-long-tool', 'sessions-file-after-esc.json', {
        pid: subject.pid,
        sessionId: subject.id,
        at: t0 + 200,
      }),
    );
    await waitForSession(daemon.socketPath, subject.id, (s) => s.status === 'idle');
  });
});
