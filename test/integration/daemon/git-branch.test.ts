import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';

describe('sessions carry the git branch of their cwd', () => {
  it('reads it when the session appears and follows a branch switch (no hook fires for it)', async () => {
    await using daemon = await startDaemon();
    await using agent = spawnAgent();
    const repo = join(daemon.dir, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/cart-spinner\n');
    const id = sessionId('git');

    await sendOneShot(daemon.socketPath, { agentPid: agent.pid }, hook(id, 'SessionStart', { cwd: join(repo, 'src') }));
    const first = await waitForSession(daemon.socketPath, id, (s) => s.branch !== null);
    expect(first.branch).toBe('cart-spinner');

    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const switched = await waitForSession(daemon.socketPath, id, (s) => s.branch === 'main');
    // Hooks carry only the cwd (repo/src): the repository's top directory names the project.
    expect([switched.project, switched.projectDir]).toEqual(['repo', repo]);
  });
});
