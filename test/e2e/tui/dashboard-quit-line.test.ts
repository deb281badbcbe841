import { chmodSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATM_BIN, REPO_ROOT } from '../../helpers/built.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { pollFor, pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { hasTmux, startInTmux } from './tmux-pane.js';

/**
 * On quit the dashboard says, once, that atmd keeps running and how to stop it. The shell stays
 * after `atm` exits, as a user's does: tmux 3.3 drops what a program printed after leaving the
 * alternate screen once its pane is dead, so a dead pane would hide the line.
 */
describe.skipIf(!hasTmux)('quitting the dashboard', () => {
  /**
   * With `atm` on PATH (a bin dir linking to this install, as `npm install -g .` makes it) the
   * advice says `atm …`. Without it, from the checkout after `npm install && npm start`, it names
   * the command that works there (`node dist/cli/main.js …`), on screen and in the quit line.
   */
  it.each([
    { onPath: true, atm: 'atm' },
    { onPath: false, atm: 'node dist/cli/main.js' },
  ])(
    'says that atmd keeps running, and how to stop it (atm on PATH: $onPath)',
    { timeout: 60_000 },
    async ({ onPath, atm }) => {
      await using daemon = await startDaemon();
      await using dir = makeTempDir('atm-quit-');
      const bin = join(dir.path, 'bin');
      mkdirSync(bin);
      if (onPath) symlinkSync(ATM_BIN, join(bin, 'atm'));
      // npm makes a package's bin executable when it installs it; tsc does not.
      const mode = statSync(ATM_BIN).mode & 0o7777;
      if (onPath) chmodSync(ATM_BIN, mode | 0o111);
      using _mode = { [Symbol.dispose]: () => chmodSync(ATM_BIN, mode) };
      const env = ['HOME', 'XDG_RUNTIME_DIR', 'XDG_STATE_HOME', 'XDG_CONFIG_HOME'].map(
        (k) => `${k}=${daemon.env[k] ?? ''}`,
      );
      // Only the bin dir and the system's: a developer's own atm on PATH must not count.
      env.push(`PATH=${bin}:/usr/local/bin:/usr/bin:/bin`);
      const script = 'cd -- "$1" && shift && "$@"; echo "atm exited $?"; exec sleep 600';
      const command = [
        'env',
        '-u',
        'ATM_SOCKET',
        ...env,
        'sh',
        '-c',
        script,
        'sh',
        REPO_ROOT,
        process.execPath,
        ATM_BIN,
      ];
      await using pane = startInTmux(command, { width: 140, height: 30 }, join(dir.path, 'status'));
      await pollUntil(() => pane.capture().includes('● connected'), { what: 'the dashboard', timeoutMs: 20_000 });
      // The empty table's advice, read across its wrapped lines.
      const advice = await pollFor(
        () => {
          const text = pane
            .capture()
            .split('\n')
            .map((line) => line.trim())
            .join(' ');
          return text.includes('No agent sessions yet') ? text : undefined;
        },
        { what: 'the empty-table advice', timeoutMs: 20_000 },
      );
      expect(advice).toContain(`Run \`${atm} setup\` once, then start Claude Code in a tmux pane`);
      expect(advice).toContain(`without Claude Code: \`${atm} demo\`.`);
      if (onPath) expect(advice).not.toContain('not on your PATH');
      else expect(advice).toContain('(atm is not on your PATH yet: `npm install -g .` here puts it there.)');
      pane.sendKeys('q');
      await pollUntil(() => pane.capture().includes('atm exited 0'), { what: 'atm to exit 0', timeoutMs: 20_000 });
      const lines = pane.capture().split('\n');
      const said = lines.filter((line) => line.includes('atmd keeps running'));
      expect(said).toEqual([
        `atmd keeps running (${daemon.socketPath}), so sessions keep reporting; stop it with \`${atm} daemon stop\`.`,
      ]);
    },
  );
});
