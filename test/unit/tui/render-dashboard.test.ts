import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/shared/terminal-text.js';
import { makeDemoSessions } from '../../../src/tui/dev/fake-sessions.js';
import { formatClock } from '../../../src/tui/format.js';
import { KEY_HELP } from '../../../src/tui/keymap.js';
import { renderDashboard } from '../../../src/tui/render-dashboard.js';
import type { Message } from '../../../src/tui/update.js';
import { createDashboardState } from '../../../src/tui/view-state.js';
import { findText, hasControl, lines, screenText } from './render-helpers.js';
import { NOW, session, stateWith, THREE_PROJECTS } from './state-helpers.js';

const render = (messages: Message[] = [], options: Parameters<typeof stateWith>[2] = {}, sessions = THREE_PROJECTS) =>
  renderDashboard(stateWith(sessions, messages, options).state, NOW);

describe('renderDashboard: header, table, detail, footer', () => {
  const frame = render();
  const text = screenText(frame);

  it('heads the screen with counts, total cost, connection and clock', () => {
    const header = lines(frame)[0] ?? '';
    expect(header).toMatch(/^atm {2}1 waiting {2}2 working {2}1 idle {3}\$5\.00 {3}● connected/);
    expect(header.trimEnd().endsWith(formatClock(NOW))).toBe(true);
  });

  it('groups sessions under project headers', () => {
    expect(text).toContain('▾ api  2 sessions · 1 waiting · $2.50');
    expect(text).toContain('▾ docs  1 session · $1.25');
  });

  it('shows each session: glyph, name and branch, state, model, context, cost, activity, ago, tmux', () => {
    const row = lines(frame).find((line) => line.includes('◆ api'));
    expect(row).toMatch(/◆ api main +waiting Sonnet 4\.5 +█+░+ +25% +\$1\.25 waits for permission +30s work:1 %1/);
  });

  it('shows the cwd after the name when the session is not in a git repository', () => {
    const noGit = THREE_PROJECTS.map((s) => ({ ...s, branch: null }));
    const row = lines(render([], {}, noGit)).find((line) => line.includes('◆ api'));
    expect(row).toMatch(/◆ api \/p\/api +waiting/);
  });

  it('makes waiting jump out: a filled badge and a bold bright glyph', () => {
    // The waiting row is the selected one: on the bar the badge's colour moves to its text.
    const badge = findText(frame, 'waiting Sonnet');
    expect(badge?.cells[badge.x]?.style).toMatchObject({ fg: 'brightYellow', bg: 'blue', bold: true });
    const glyph = findText(frame, '◆');
    expect(glyph?.cells[glyph.x]?.style).toMatchObject({ fg: 'brightYellow', bold: true });
  });

  it('draws the selected row as one continuous bar across the full width, coloured cells included', () => {
    const selected = findText(frame, '◆ api');
    expect(selected?.cells.every((cell) => cell.style.bg === 'blue' && cell.style.inverse !== true)).toBe(true);
    const other = findText(frame, '● api');
    expect(other?.cells.some((cell) => cell.style.bg === 'blue')).toBe(false);
  });

  it('details the selected session', () => {
    expect(text).toContain('── api ──');
    expect(text).toContain(' cwd      /p/api · branch main');
    expect(text).toContain(' model    Sonnet 4.5 · tokens 50.0k / 200k (25%)');
    expect(text).toContain(' cost     $1.25 · lines +10 −2 · duration 10m 00s');
    expect(text).toContain(' status   waits for permission · since 30s');
    expect(text).toContain(' process  pid 4242 · pane work:1 %1 · api-w');
  });

  it('ends with key hints', () => {
    expect(lines(frame).at(-1)).toMatch(
      /^↑↓ move {2}Enter jump {2}\/ filter {2}s sort: status {2}Space fold {2}Tab detail {2}\? help {2}q quit/,
    );
  });

  it('says "jump & exit" in pick mode', () => {
    expect(lines(render([], { mode: 'pick' })).at(-1)).toContain('Enter jump & exit');
  });
});

describe('renderDashboard: context colours', () => {
  it.each([
    [50, 'green'],
    [69, 'green'],
    [70, 'yellow'],
    [89, 'yellow'],
    [90, 'brightRed'],
    [100, 'brightRed'],
  ])('%i%% is %s', (percent, colour) => {
    const subject = session({ id: 's', context: { usedTokens: 1, windowSize: 100, usedPercent: percent } });
    const frame = render([], {}, [subject]);
    const found = findText(frame, `${percent}%`);
    expect(found?.cells[found.x]?.style.fg).toBe(colour);
  });
});

describe('renderDashboard: states', () => {
  it('shows the red banner with a countdown and dims the last known sessions', () => {
    const frame = render([{ type: 'feed', event: { type: 'disconnected', reason: 'gone', retryAt: NOW + 4200 } }]);
    expect(lines(frame)[1]).toMatch(/^ Daemon disconnected — reconnecting in 5s +$/);
    expect(frame.rows[1]?.every((cell) => cell.style.bg === 'red')).toBe(true);
    const row = findText(frame, '● api');
    expect(row?.cells.every((cell) => cell.style.dim === true)).toBe(true);
    expect(lines(frame)[0]).toContain('✕ disconnected');
  });

  it('lists every key in the help overlay', () => {
    const text = screenText(render([{ type: 'toggle-help' }]));
    for (const { keys, meaning } of KEY_HELP) expect(text).toContain(`${keys.join(' ').padEnd(16)}${meaning}`);
  });

  it('shows the filter being typed in the footer', () => {
    const frame = render([
      { type: 'filter-open' },
      { type: 'filter-type', text: 'w' },
      { type: 'filter-type', text: 'e' },
    ]);
    expect(lines(frame).at(-1)).toMatch(/^\/we▏ {2}Enter keep {2}Esc clear/);
    expect(screenText(frame)).toContain('▾ web');
    expect(screenText(frame)).not.toContain('▾ api');
  });

  it('shows a notice instead of the hints', () => {
    expect(lines(render([{ type: 'jump-failed', message: 'Could not jump: pane %9 is gone' }])).at(-1)).toMatch(
      /^Could not jump: pane %9 is gone/,
    );
  });

  it('styles a failed jump as an error, and news such as "Started atmd" as information', () => {
    const failed = render([{ type: 'jump-failed', message: 'Could not jump: pane %9 is gone' }]);
    const error = findText(failed, 'Could not jump');
    expect(error?.cells[error.x]?.style.fg).toBe('brightRed');
    const state = {
      ...createDashboardState('dashboard', { width: 80, height: 24 }),
      notice: { text: 'Started atmd on /run/atm.sock.', tone: 'info' as const },
    };
    const info = findText(renderDashboard(state, NOW), 'Started atmd');
    expect(info?.cells[info.x]?.style.fg).toBe('cyan');
    expect(info?.cells[info.x]?.style.bold).not.toBe(true);
  });

  it.each([80, 60, 40])('keeps the quit and help hints on a %i-column footer', (width) => {
    const state = createDashboardState('dashboard', { width, height: 24 });
    const footer = lines(renderDashboard(state, NOW)).at(-1) ?? '';
    expect(footer).toContain('q quit');
    expect(footer).toContain('? help');
  });

  it('says when it is still connecting', () => {
    const state = createDashboardState('dashboard', { width: 80, height: 24 });
    expect(screenText(renderDashboard(state, NOW))).toContain('Connecting to the atm daemon…');
  });
});

describe('renderDashboard: layout holds', () => {
  const demo = makeDemoSessions(NOW);

  it.each([200, 120, 100, 90, 80, 60, 50, 40, 30, 20, 10, 1])(
    'at %i columns every line is exactly the width',
    (width) => {
      const frame = renderDashboard(stateWith(demo, [], { width, height: 30 }).state, NOW);
      for (const line of lines(frame)) expect(textWidth(line)).toBe(width);
      for (const row of frame.rows) {
        row.forEach((cell, x) => {
          if (cell.wide) expect(row[x + 1]?.char).toBe('');
          if (cell.char === '') expect(row[x - 1]?.wide).toBe(true);
        });
      }
    },
  );

  it.each([0, 1, 2, 3, 5, 8, 13, 24])('renders at %i rows without throwing', (height) => {
    const frame = renderDashboard(stateWith(demo, [{ type: 'toggle-help' }], { width: 80, height }).state, NOW);
    expect(frame.rows).toHaveLength(height);
  });

  it('keeps columns aligned next to wide and combining characters', () => {
    const frame = renderDashboard(stateWith(demo, [], { width: 120, height: 30 }).state, NOW);
    const activityX = findText(frame, 'Read ドキュメント')?.x;
    expect(activityX).toBeGreaterThan(0);
    expect(findText(frame, 'waits for an answer')?.x).toBe(activityX); // the café row
    expect(findText(frame, 'Edit src/schema.ts')?.x).toBe(activityX);
  });
});

describe('renderDashboard: hostile sessions', () => {
  const HOSTILE = ['\x1b]0;pwned\x07', '\x1b[2J', '\x1b[31m', '\u009b31m', '\x1b]8;;http://x\x1b\\', '\u202e'].join('');
  const evil = session({
    id: 'evil',
    project: `evil${HOSTILE}`,
    projectDir: `/tmp/${HOSTILE}`,
    cwd: `/tmp/${HOSTILE}dir`,
    status: 'waiting',
    waitingFor: 'permission',
    model: { id: 'x', displayName: `M${HOSTILE}` },
    tool: { name: `Bash${HOSTILE}`, startedAt: new Date(NOW).toISOString(), summary: `echo ${HOSTILE} hi` },
    tmux: { pane: '%7' as never, session: `s${HOSTILE}`, window: `w${HOSTILE}`, server: null },
  });

  it.each([120, 60])('no control character reaches any cell (%i columns)', (width) => {
    const frame = renderDashboard(stateWith([evil], [], { width }).state, NOW);
    for (const row of frame.rows) for (const cell of row) expect(hasControl(cell.char)).toBe(false);
    const text = screenText(frame);
    expect(text).not.toContain('pwned');
    expect(text).not.toContain('[2J');
    expect(text).not.toContain('31m');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('/tmp/dir');
    expect(text).toContain('echo  hi');
  });
});
