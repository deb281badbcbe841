import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findClaudeBinary } from './claude-binary.js';
import { toChildEnv } from './claude-config-seed.js';
import { createClaudeEnv } from './claude-env.js';
import { startFakeModel } from './fake-model.js';
import type { FakeScript } from './fake-model-script.js';
import { pollUntil } from './poll.js';
import { createTmuxServer } from './tmux-driver.js';

/**
 * The harness against the real, pinned Claude Code CLI (no atm involved): the fake model, the
 * seeded config dir and the tmux driver must get a real session to its prompt and through a turn.
 * Skips with the reason when the binary is not installed (test/e2e/claude/install-claude.sh).
 */
const execFileAsync = promisify(execFile);
const binary = findClaudeBinary();
const title = binary.found
  ? `Claude Code ${binary.version} harness`
  : `Claude Code harness (skipped: ${binary.reason})`;
const script: FakeScript = {
  rules: [{ match: 'ATM_HELLO', steps: [{ kind: 'text', text: 'Hello from the fake model.' }] }],
};

describe.skipIf(!binary.found)(title, () => {
  const claudePath = binary.found ? binary.path : '';

  it('answers `claude -p` from the fake model', { timeout: 60_000 }, async () => {
    await using model = await startFakeModel(script);
    await using env = await createClaudeEnv({ baseUrl: model.url });
    const { stdout } = await execFileAsync(claudePath, ['-p', 'ATM_HELLO there'], {
      cwd: env.projectDir,
      env: toChildEnv(process.env, env.env),
      timeout: 50_000,
    });
    expect(stdout.trim()).toBe('Hello from the fake model.');
    expect(
      model.requests.some((r) => r.path === '/v1/messages?beta=true' && r.turn?.humanText === 'ATM_HELLO there'),
    ).toBe(true);
  });

  it('runs an interactive turn in a private tmux pane', { timeout: 60_000 }, async () => {
    await using model = await startFakeModel(script);
    await using env = await createClaudeEnv({ baseUrl: model.url });
    await using tmux = createTmuxServer(toChildEnv(process.env, {}));
    const pane = await tmux.newPane({ command: [claudePath], cwd: env.projectDir, env: env.env });
    const pid = await pollUntil(() => tmux.panePid(pane), { timeoutMs: 5_000, what: 'pane pid' });
    const readSessions = async (): Promise<Record<string, unknown> | undefined> =>
      (await env.readSessionsFile(pid)) as Record<string, unknown> | undefined;
    const idle = await pollUntil(
      async () => ((await readSessions())?.['status'] === 'idle' ? readSessions() : undefined),
      {
        timeoutMs: 30_000,
        what: 'sessions file status idle',
        describeLast: () => tmux.capturePane(pane),
      },
    );
    const where = await tmux.describePane(pane);
    expect(idle?.['tmux']).toBe(`${where.session}:${where.windowId}.${where.paneId}`);

    await tmux.waitForScreen(pane, '❯', { timeoutMs: 30_000, what: 'prompt' });
    await tmux.sendText(pane, 'ATM_HELLO there');
    await tmux.sendKeys(pane, 'Enter');
    await tmux.waitForScreen(pane, 'Hello from the fake model.', { what: 'reply on screen' });
  });
});
