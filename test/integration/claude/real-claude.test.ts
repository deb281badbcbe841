import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain/session.js';
import { findClaudeBinary } from '../../e2e/claude/claude-binary.js';
import { toChildEnv } from '../../e2e/claude/claude-config-seed.js';
import { createClaudeEnv } from '../../e2e/claude/claude-env.js';
import { startFakeModel } from '../../e2e/claude/fake-model.js';
import { createTmuxServer } from '../../e2e/claude/tmux-driver.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { pollFor } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { findExecutable } from '../../../src/integrations/claude/shim/detect-transport.js';

/**
 * The real, pinned Claude Code (test/e2e/claude) with the settings `atm setup` writes: its hooks
 * and the wrapped status line reach a real atmd, and the user's own line still shows. Skips when
 * the binary or tmux is missing. (It belongs with the e2e suite; it lives here with the rest of
 * setup's tests.)
 */
const binary = findClaudeBinary();
const tmuxPath = await findExecutable('tmux', process.env.PATH);
const reason = !binary.found ? binary.reason : tmuxPath === null ? 'tmux is not installed' : null;
const USER_LINE = `printf '\\033[32mMY LINE %s\\033[0m\\n' "ok ✓"`;

describe.skipIf(reason !== null)(
  `atm setup with the real Claude Code${reason === null ? '' : ` (skipped: ${reason})`}`,
  () => {
    it('reports a session to atmd and keeps the user status line', { timeout: 90_000 }, async () => {
      if (!binary.found) return;
      await using daemon = await startDaemon();
      await using model = await startFakeModel({
        rules: [{ match: 'ATM_HELLO', steps: [{ kind: 'text', text: 'Hello from the fake model.' }] }],
      });
      await using claude = await createClaudeEnv({
        baseUrl: model.url,
        settings: { statusLine: { type: 'command', command: USER_LINE } },
      });
      const setup = await runCli(['setup'], { env: { ...daemon.env, CLAUDE_CONFIG_DIR: claude.configDir } });
      expect(setup.code).toBe(0);

      await using tmux = createTmuxServer(toChildEnv(process.env, {}));
      const pane = await tmux.newPane({
        command: [binary.path],
        cwd: claude.projectDir,
        env: { ...claude.env, HOME: daemon.env.HOME ?? '', XDG_RUNTIME_DIR: daemon.env.XDG_RUNTIME_DIR ?? '' },
      });
      await tmux.waitForScreen(pane, '❯', { timeoutMs: 30_000, what: 'the prompt' });
      await tmux.sendText(pane, 'ATM_HELLO there');
      await tmux.sendKeys(pane, 'Enter');
      await tmux.waitForScreen(pane, 'Hello from the fake model.', { what: 'the reply' });
      await tmux.waitForScreen(pane, 'MY LINE ok ✓', { timeoutMs: 15_000, what: "the user's own status line" });

      const session = await pollFor(
        async () => {
          const sessions = JSON.parse((await runCli(['list', '--json'], { env: daemon.env })).stdout) as Session[];
          return sessions.find((s) => s.status === 'idle' && s.model !== null);
        },
        { what: 'an idle session with its model (from the wrapped status line)', timeoutMs: 20_000 },
      );
      expect(session.pid).toBe(await tmux.panePid(pane));
      expect(session.tmux?.pane).toBe(pane);
      expect(session.cwd).toBe(claude.projectDir);
    });
  },
);
