import { describe, expect, it } from 'vitest';
import { startRig } from './dashboard-rig.js';
import { exitStatusOf, rowNames, waitForScreen, waitForText } from './screen-probes.js';
import { hasTmux } from './tmux-pane.js';

/** `atm --pick` (and its alias `atm pick`), as `tmux display-popup -E "atm --pick"` runs it. */
const isWorking = (s: { status?: unknown }) => s.status === 'working';
const isWaiting = (s: { status?: unknown }) => s.status === 'waiting';

describe.skipIf(!hasTmux)('pick mode with a real daemon', () => {
  it('atm --pick: Enter on the filtered session makes its pane active and exits 0', { timeout: 60_000 }, async () => {
    await using rig = await startRig(['--pick']);
    const alpha = rig.addAgent('alpha');
    const beta = rig.addAgent('beta');
    await rig.report(alpha, 'PreToolUse', {}, isWorking);
    await rig.report(beta, 'PermissionRequest', {}, isWaiting);
    rig.launch();
    const shown = await waitForScreen(rig.dashboard, (lines) => rowNames(lines).length === 2 && lines, 'both sessions');
    expect(shown[0]).toMatch(/^atm pick {2}1 waiting/);
    expect(shown.at(-1)).toContain('Enter jump & exit');

    // beta (waiting) is listed first; the filter picks alpha instead.
    rig.dashboard.sendKeys('/');
    rig.dashboard.type('alpha');
    rig.dashboard.sendKeys('Enter');
    await waitForText(rig.dashboard, 'filter: alpha');
    rig.dashboard.sendKeys('Enter');

    expect(await exitStatusOf(rig.dashboard)).toBe(0);
    expect(rig.focusOf(alpha.pane)).toBe('1 1');
    expect(rig.focusOf(beta.pane)).toBe('1 0');
  });

  it('atm pick: q exits 1 and jumps nowhere', { timeout: 60_000 }, async () => {
    await using rig = await startRig(['pick']);
    const alpha = rig.addAgent('alpha');
    await rig.report(alpha, 'PreToolUse', {}, isWorking);
    rig.launch();
    await waitForScreen(rig.dashboard, (lines) => rowNames(lines).length === 1, 'the session');
    const dashboardPane = rig.dashboard.display('#{pane_id}');

    rig.dashboard.sendKeys('q');
    expect(await exitStatusOf(rig.dashboard)).toBe(1);
    expect(rig.focusOf(dashboardPane)).toBe('1 1');
    expect(rig.focusOf(alpha.pane)).toBe('1 0');
  });
});
