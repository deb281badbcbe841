import { describe, expect, it } from 'vitest';
import { RIG_SIZE, startRig } from './dashboard-rig.js';
import { exitStatusOf, rowNames, rowState, waitForScreen, waitForText } from './screen-probes.js';
import { hasTmux } from './tmux-pane.js';

/**
 * The real dashboard against a real atmd, with sessions reported through the real hook path
 * from panes of the same private tmux server. What is asserted is what a user sees
 * (`capture-pane -p`) and what tmux says about its panes.
 */
const isWorking = (s: { status?: unknown }) => s.status === 'working';
const isWaiting = (s: { status?: unknown }) => s.status === 'waiting';
const isIdle = (s: { status?: unknown }) => s.status === 'idle';

/** The header is a full-width line ending in the clock; the footer is the last row. */
const isLaidOutFor = (lines: readonly string[], width: number, height: number): boolean =>
  lines.length === height &&
  /^atm {2}.*\d\d:\d\d:\d\d$/.test(lines[0] ?? '') &&
  (lines[0] ?? '').length === width &&
  /↑↓ move/.test(lines.at(-1) ?? '') &&
  lines.every((line) => [...line].length <= width);

describe.skipIf(!hasTmux)('the dashboard with a real daemon and the real hook path', () => {
  it(
    'shows the sessions with their status, filters, jumps to the pane, redraws on resize, quits 0',
    { timeout: 90_000 },
    async () => {
      await using rig = await startRig();
      const alpha = rig.addAgent('alpha');
      const beta = rig.addAgent('beta');
      const gamma = rig.addAgent('gamma');
      await rig.report(alpha, 'SessionStart');
      await rig.report(alpha, 'PreToolUse', {}, isWorking);
      await rig.report(beta, 'SessionStart');
      await rig.report(beta, 'PermissionRequest', {}, isWaiting);
      rig.launch();

      // The snapshot: both sessions, each with its glyph and state word.
      const first = await waitForScreen(
        rig.dashboard,
        (lines) => rowNames(lines).length === 2 && lines,
        'the two sessions of the snapshot',
      );
      expect(first[0]).toMatch(/^atm {2}1 waiting {2}1 working {2}0 idle .*● connected/);
      expect(rowState(first, 'alpha')).toEqual({ glyph: '●', state: 'working' });
      expect(rowState(first, 'beta')).toEqual({ glyph: '◆', state: 'waiting' });

      // A session reported while the dashboard runs appears by itself (an update, not a snapshot).
      await rig.report(gamma, 'SessionStart');
      await rig.report(gamma, 'Stop', {}, isIdle);
      const live = await waitForScreen(rig.dashboard, (lines) => rowState(lines, 'gamma') && lines, 'gamma on screen');
      expect(rowState(live, 'gamma')).toEqual({ glyph: '○', state: 'idle' });
      expect(live[0]).toMatch(/^atm {2}1 waiting {2}1 working {2}1 idle /);
      // Waiting sessions come first under the default sort.
      expect(rowNames(live)[0]).toBe('beta');

      // `/` then text narrows the list; Enter keeps the filter and selects the first match.
      rig.dashboard.sendKeys('/');
      rig.dashboard.type('gamma');
      await waitForText(rig.dashboard, '/gamma▏');
      rig.dashboard.sendKeys('Enter');
      const filtered = await waitForText(rig.dashboard, 'filter: gamma');
      expect(rowNames(filtered)).toEqual(['gamma']);
      expect(filtered.join('\n')).toContain(`── gamma `);
      expect(filtered.join('\n')).toContain(`pane dash:gamma ${gamma.pane}`);

      // Enter makes gamma's pane the active one, in its window, and the dashboard stays open.
      const dashboardPane = rig.dashboard.display('#{pane_id}');
      expect(rig.focusOf(gamma.pane)).toBe('1 0');
      rig.dashboard.sendKeys('Enter');
      await waitForScreen(rig.dashboard, () => rig.focusOf(gamma.pane) === '1 1', 'gamma pane to be active');
      expect(rig.focusOf(dashboardPane)).toBe('1 0');
      expect(rig.focusOf(alpha.pane)).toBe('1 0');
      expect(rig.dashboard.exitStatus()).toBeNull();

      // Resize: smaller, then larger; each time the whole screen is laid out for the new size.
      rig.dashboard.sendKeys('Escape');
      await waitForScreen(rig.dashboard, (lines) => rowNames(lines).length === 3, 'the filter to clear');
      for (const [width, height] of [
        [80, 24],
        [150, 45],
        [RIG_SIZE.width, RIG_SIZE.height],
      ] as const) {
        rig.resizeDashboard(width, height);
        const lines = await waitForScreen(
          rig.dashboard,
          (now) => isLaidOutFor(now, width, height) && now,
          `a ${width}x${height} redraw`,
        );
        expect(rowNames(lines), lines.join('\n')).toEqual(['beta', 'alpha', 'gamma']);
        expect(lines[1]).toMatch(/^ {4}NAME/);
        expect(lines[1]).toMatch(/ STATE .* TMUX$/); // STATE and TMUX stay, even at 80 columns
      }

      rig.dashboard.sendKeys('q');
      expect(await exitStatusOf(rig.dashboard)).toBe(0);
    },
  );

  it('hostile strings in a session leave the pane title and the screen alone', { timeout: 60_000 }, async () => {
    await using rig = await startRig();
    const calm = rig.addAgent('calm');
    await rig.report(calm, 'SessionStart');
    await rig.report(calm, 'PreToolUse', {}, isWorking);
    rig.launch();
    await waitForScreen(rig.dashboard, (lines) => rowState(lines, 'calm') !== undefined, 'calm on screen');
    const titleBefore = rig.dashboard.display('#{pane_title}');

    // OSC 0 and OSC 2 (retitle, BEL- and ST-terminated), ED 2 (clear screen), SGR and C1 CSI,
    // in the cwd (hence the name), the transcript path and the tool input.
    const evil = rig.addAgent('evil', `${rig.root}/evil\x1b]0;pwned\x07\x1b[2J\x1b[31m\u009b2J`);
    await rig.report(evil, 'SessionStart', { transcript_path: `/tmp/t\x1b[2J\x1b]0;pwned\x07.jsonl` });
    await rig.report(
      evil,
      'PreToolUse',
      { tool_input: { command: 'echo \x1b]2;x\x1b\\ \x1b]0;pwned\x07 \u009b2J done', description: '\x1b[2J' } },
      isWorking,
    );
    const shown = await waitForScreen(
      rig.dashboard,
      (lines) => rowState(lines, 'evil')?.state === 'working' && lines,
      'evil working on screen',
    );
    expect(rowState(shown, 'evil')).toEqual({ glyph: '●', state: 'working' });
    // Delta drawing only rewrites cells that changed: had ED 2 reached the terminal, the rest of
    // the screen would stay blank. Wait for a clock tick, then the whole screen must still be there.
    const clock = shown[0]?.slice(-8);
    const later = await waitForScreen(rig.dashboard, (lines) => lines[0]?.slice(-8) !== clock && lines, 'a clock tick');
    expect(later[0]).toMatch(/^atm {2}0 waiting {2}2 working/);
    expect(rowNames(later).sort()).toEqual(['calm', 'evil']);
    expect(later.at(-1)).toMatch(/^↑↓ move/);

    // The detail panel shows the cwd and the tool input: select evil.
    rig.dashboard.sendKeys('/');
    rig.dashboard.type('evil');
    rig.dashboard.sendKeys('Enter');
    const detail = await waitForText(rig.dashboard, 'filter: evil');
    const text = detail.join('\n');
    expect(text).toMatch(/ cwd {6}\S*evil/);
    expect(text).toMatch(/ tool {5}Bash: echo .*done/);
    expect(text).not.toContain('pwned');
    expect(text).not.toContain('[2J');
    expect(rig.dashboard.display('#{pane_title}')).toBe(titleBefore);

    rig.dashboard.sendKeys('q');
    expect(await exitStatusOf(rig.dashboard)).toBe(0);
    expect(rig.dashboard.display('#{pane_title}')).toBe(titleBefore);
  });
});
