import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATM_BIN } from '../../helpers/built.js';
import { skipReason, startAtmRig, type AtmRig } from './atm-rig.js';
import type { ClaudePane } from './claude-pane.js';
import { pollUntil } from './poll.js';
import type { PaneId } from './tmux-driver.js';

/**
 * Scenario 6 of issue 5: two real Claude Code sessions side by side in one window (projects
 * alpha and beta), the real dashboard (`atm`) in a second window of the same tmux session.
 * Filtering with `/` and pressing Enter must make the chosen claude's pane the one the user looks
 * at: its window selected (it was the dashboard's) and the pane selected within it.
 */
const reason = skipReason();
const TMUX_SESSION = 'agents';
const AGENTS_WINDOW = 'agents-win';

describe.skipIf(reason !== null)(
  `the dashboard jumps to a real Claude Code pane${reason === null ? '' : ` (skipped: ${reason})`}`,
  () => {
    let rig: AtmRig | undefined;
    const theRig = (): AtmRig => rig ?? expect.fail('the rig did not start');
    beforeAll(async () => {
      rig = await startAtmRig({ script: { rules: [] }, extraProjects: ['alpha', 'beta'] });
    }, 120_000);
    afterAll(async () => {
      await rig?.[Symbol.asyncDispose]();
    }, 60_000);

    it('6. two sessions in two panes: the jump lands on the chosen pane', { timeout: 180_000 }, async () => {
      const { tmux, claude: env } = theRig();
      await using alpha = await theRig().startClaude({
        placement: { kind: 'session', name: TMUX_SESSION, windowName: AGENTS_WINDOW, width: 200 },
        cwd: env.projectDirOf('alpha'),
      });
      await using beta = await theRig().startClaude({
        placement: { kind: 'split', target: alpha.pane },
        cwd: env.projectDirOf('beta'),
      });
      // atm places both where tmux has them, on this tmux server.
      const server = (await tmux.run(['display-message', '-p', '-t', alpha.pane, '#{socket_path}'])).trim();
      for (const claude of [alpha, beta]) {
        expect((await claude.atm())?.tmux).toEqual({
          pane: claude.pane,
          session: TMUX_SESSION,
          window: AGENTS_WINDOW,
          server,
        });
      }

      const dashboard = await tmux.newWindow(TMUX_SESSION, {
        name: 'dash',
        command: [process.execPath, ATM_BIN],
        cwd: env.rootDir,
        env: theRig().paneEnv(),
      });
      const focus = (pane: PaneId): Promise<string> => tmux.display(pane, '#{pane_active} #{window_active}');
      const jumpTo = async (target: ClaudePane, name: string): Promise<void> => {
        await tmux.run(['select-window', '-t', dashboard]);
        expect(await focus(target.pane)).toMatch(/^[01] 0$/); // its window is not the one shown
        await tmux.waitForScreen(dashboard, (s) => s.includes('alpha') && s.includes('beta'), {
          what: 'both sessions on the dashboard',
        });
        await tmux.sendKeys(dashboard, '/');
        await tmux.sendText(dashboard, name);
        await tmux.sendKeys(dashboard, 'Enter');
        await tmux.waitForScreen(dashboard, `filter: ${name}`, { what: `the filter "${name}" applied` });
        await tmux.sendKeys(dashboard, 'Enter');
      };

      await jumpTo(beta, 'beta');
      await expectFocus({ on: beta, off: alpha, dashboard, focus });
      // Back to the dashboard: Esc clears the filter; then the other way.
      await tmux.run(['select-window', '-t', dashboard]);
      await tmux.sendKeys(dashboard, 'Escape');
      await tmux.waitForScreen(dashboard, (s) => !s.includes('filter: beta'), { what: 'the filter cleared' });
      await jumpTo(alpha, 'alpha');
      await expectFocus({ on: alpha, off: beta, dashboard, focus });
    });
  },
);

/** The jump selected the target's window and pane; the other claude is in the same window, not selected. */
async function expectFocus(views: {
  on: ClaudePane;
  off: ClaudePane;
  dashboard: PaneId;
  focus: (pane: PaneId) => Promise<string>;
}): Promise<void> {
  await pollUntil(async () => ((await views.focus(views.on.pane)) === '1 1' ? true : undefined), {
    timeoutMs: 10_000,
    what: `pane ${views.on.pane} to be the active pane of the active window`,
    describeLast: () => views.focus(views.on.pane),
  });
  expect(await views.focus(views.off.pane)).toBe('0 1');
  expect(await views.focus(views.dashboard)).toBe('1 0');
}
