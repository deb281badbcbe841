import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATM_BIN } from '../../helpers/built.js';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { hasTmux, startInTmux } from '../tui/tmux-pane.js';

/**
 * `atm demo` as a user runs it: the built CLI in a real terminal, its own private atmd and tmux
 * server, made-up sessions through the real report path. It must show every state, leave the
 * user's XDG tree (here a temp one) untouched, and remove what it made on quit.
 */
describe.skipIf(!hasTmux)('atm demo', () => {
  it(
    'shows every state within seconds, touches nothing of the user, and cleans up on q',
    { timeout: 90_000 },
    async () => {
      await using dir = makeTempDir('atm-demo-test-');
      const env = daemonEnv(dir.path);
      for (const sub of ['home', 'run', 'state', 'config']) mkdirSync(join(dir.path, sub), { recursive: true });
      const demoDirsBefore = readdirSync('/tmp').filter(
        (name) => name.startsWith('atm-demo-') && name !== dir.path.slice(5),
      );
      const command = ['env', ...Object.entries(env).map(([key, value]) => `${key}=${value ?? ''}`)];
      // The shell stays, as a user's would: tmux 3.3 drops what a program printed after leaving the
      // alternate screen once its pane is dead (remain-on-exit), which would hide the closing line.
      const script = '"$@"; echo "demo exited $?"; exec sleep 600';
      await using pane = startInTmux(
        [...command, 'sh', '-c', script, 'sh', process.execPath, ATM_BIN, 'demo'],
        { width: 160, height: 45 },
        join(dir.path, 'status'),
      );

      const wanted = [
        'waits for permission',
        'waits for an answer',
        'waits for plan approval',
        ' idle ',
        '(+2 agents)',
        ' 93%',
        '▾ payments-api',
        '▾ shop-frontend',
        '▾ docs-site',
        '▾ infra',
        'work:frontend-checkout',
      ];
      await pollUntil(() => wanted.every((text) => pane.capture().includes(text)), {
        what: `every demo state on screen`,
        timeoutMs: 45_000,
      }).catch((error: unknown) => {
        const state = pane.display(
          'dead=#{pane_dead} status=#{pane_dead_status} signal=#{pane_dead_signal} cmd=#{pane_current_command}',
        );
        throw new Error(`${String(error)}\n${state}\nscreen:\n${pane.capture()}`, { cause: error });
      });
      expect(pane.capture()).toMatch(/3 waiting {2}2 working {2}1 idle/);
      // The user's own state dir and socket dir got nothing: the demo's atmd lives in its own temp dir.
      expect(readdirSync(join(dir.path, 'state'))).toEqual([]);
      expect(readdirSync(join(dir.path, 'run'))).toEqual([]);

      pane.sendKeys('q');
      await pollUntil(() => pane.capture().includes('demo exited 0'), {
        what: 'atm demo to exit 0',
        timeoutMs: 30_000,
      }).catch((error: unknown) => {
        const state = pane.display(
          'dead=#{pane_dead} status=#{pane_dead_status} signal=#{pane_dead_signal} cmd=#{pane_current_command}',
        );
        throw new Error(`${String(error)}\n${state}\nscreen:\n${pane.capture()}`, { cause: error });
      });
      expect(pane.capture()).toContain('atm demo: its private atmd and tmux server are stopped, its files removed.');
      const demoDirsAfter = readdirSync('/tmp').filter(
        (name) => name.startsWith('atm-demo-') && name !== dir.path.slice(5),
      );
      expect(demoDirsAfter.filter((name) => !demoDirsBefore.includes(name))).toEqual([]);
      expect(existsSync(join(dir.path, 'state', 'atm'))).toBe(false);
    },
  );
});
