import { describe, expect, it } from 'vitest';
import { startRig } from './dashboard-rig.js';
import { rowNames, rowState, waitForScreen } from './screen-probes.js';
import { hasTmux } from './tmux-pane.js';

const isWaiting = (s: { status?: unknown }) => s.status === 'waiting';
const isWorking = (s: { status?: unknown }) => s.status === 'working';

/** The SGR parameter lists in a `capture-pane -e` screen. */
const sgrParams = (screen: string): number[][] =>
  // eslint-disable-next-line no-control-regex -- reading escape sequences is the point here
  [...screen.matchAll(/\x1b\[([\d;]*)m/g)].map((m) => (m[1] ?? '').split(';').map((p) => (p === '' ? 0 : Number(p))));

/** A colour parameter: 30–38 and 40–48 (foreground/background), 90–97 and 100–107 (bright). */
const isColour = (p: number): boolean => (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 107);

/**
 * The real dashboard in a real tmux pane, with and without colour. Under --color=never (the
 * flag takes the same path as NO_COLOR: src/shared/color-mode.ts) the screen carries no colour
 * at all; the waiting state is still told by its glyph, bold and inverse.
 */
describe.skipIf(!hasTmux)('the dashboard without colour', () => {
  it.each([
    ['--color=always', true],
    ['--color=never', false],
  ])('atm %s', { timeout: 90_000 }, async (flag, coloured) => {
    await using rig = await startRig([flag]);
    const alpha = rig.addAgent('alpha');
    const beta = rig.addAgent('beta');
    await rig.report(alpha, 'PreToolUse', {}, isWorking);
    await rig.report(beta, 'PermissionRequest', {}, isWaiting);
    rig.launch();
    const lines = await waitForScreen(rig.dashboard, (l) => rowNames(l).length === 2 && l, 'both sessions');
    expect(rowState(lines, 'beta')).toEqual({ glyph: '◆', state: 'waiting' });
    const params = sgrParams(rig.tmux('capture-pane', '-p', '-e', '-t', 'dash:0.0')).flat();
    expect(params.some(isColour)).toBe(coloured);
    expect(params).toContain(1); // bold
    // The selected row: one blue bar with colour; inverse without (the waiting badge too).
    expect(params).toContain(coloured ? 44 : 7);
  });
});
