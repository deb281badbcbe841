import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/built.js';
import { pollFor, pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { hasTmux, startInTmux, type TmuxPane } from './tmux-pane.js';

/**
 * The real dashboard (terminal-kit, raw input, delta drawing) in a real terminal, fed by the
 * scripted source of src/tui/dev/fake-dashboard.ts: no daemon involved. That entry is part of
 * src, so `npm run build` compiles it to dist and plain `node` runs it (no tsx in this repo).
 */
const FAKE_DASHBOARD = join(REPO_ROOT, 'dist', 'tui', 'dev', 'fake-dashboard.js');
const SIZE = { width: 120, height: 40 };

function startDashboard(dir: string, ...flags: string[]): TmuxPane {
  if (!existsSync(FAKE_DASHBOARD)) throw new Error(`${FAKE_DASHBOARD} is missing: run \`npm run build\` first`);
  const command = [process.execPath, FAKE_DASHBOARD, '--jump-log', join(dir, 'jumps'), ...flags];
  return startInTmux(command, SIZE, join(dir, 'status'));
}

const screenShows = (pane: TmuxPane, text: string, what = `"${text}" on screen`) =>
  pollUntil(() => pane.capture().includes(text), { what, timeoutMs: 10_000 });

/** Waits for the pane's process to exit; on timeout, says what the screen and pane looked like. */
async function exitStatusOf(pane: TmuxPane): Promise<number> {
  try {
    return await pollFor(() => pane.exitStatus() ?? undefined, { what: 'the dashboard to exit' });
  } catch (error) {
    const state = pane.display(
      'dead=#{pane_dead} status=#{pane_dead_status} signal=#{pane_dead_signal} pid=#{pane_pid}',
    );
    throw new Error(`${String(error)}\n${state}\nscreen:\n${pane.capture()}`, { cause: error });
  }
}

const jumps = (file: string): string[] =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];

describe.skipIf(!hasTmux)('the dashboard in a real terminal (fake source)', () => {
  it('shows the sessions, filters, jumps, helps, redraws on resize and quits', async () => {
    await using dir = makeTempDir('atm-tui-');
    const jumpLog = join(dir.path, 'jumps');
    await using pane = startDashboard(dir.path);
    const titleBefore = pane.display('#{pane_title}');

    await screenShows(pane, '● connected');
    const screen = pane.capture();
    expect(screen).toContain('▾ api  2 sessions · 1 waiting');
    expect(screen).toContain('日本語プロジェクト');
    expect(screen).toContain('TMUX');

    // A hostile session (OSC title, clear screen, SGR, C1 CSI) changed neither title nor screen.
    expect(screen).toContain('▾ evil');
    expect(screen).not.toContain('pwned');
    expect(pane.display('#{pane_title}')).toBe(titleBefore);

    // `/` then text narrows the list; Enter keeps it and selects the first match.
    pane.sendKeys('/');
    pane.type('web');
    await screenShows(pane, '/web▏');
    pane.sendKeys('Enter');
    await screenShows(pane, 'filter: web');
    const filtered = pane.capture();
    expect(filtered).toContain('── web ──');
    expect(filtered).toContain('pane work:1 %21');
    expect(filtered).not.toContain('▾ api');

    // Enter jumps to the selected session's pane (the recording jumper logs it) and stays open.
    pane.sendKeys('Enter');
    await pollUntil(() => jumps(jumpLog).length > 0, { what: 'a jump' });
    expect(jumps(jumpLog)).toEqual(['%21']);
    expect(pane.exitStatus()).toBeNull();

    // `?` shows every key; any key closes the help.
    pane.sendKeys('?');
    await screenShows(pane, 'Press any key to close');
    expect(pane.capture()).toContain('Ctrl-C');
    pane.sendKeys('x');
    await pollUntil(() => !pane.capture().includes('Press any key to close'), { what: 'the help to close' });

    // Resize: the layout is redrawn for 80 columns (the TMUX column goes, the clock moves to the
    // new right edge). Poll for the final screen: tmux shows the old content in between.
    pane.resize(80, 24);
    const redrawn = await pollFor(
      () => {
        const lines = pane.capture().split('\n');
        const [header = '', titles = ''] = lines;
        // The footer too: delta drawing may not have reached the last row when the header shows.
        const footer = lines.at(-1) ?? '';
        return /^atm {2}2 waiting.*\d\d:\d\d:\d\d$/.test(header) &&
          header.length === 80 &&
          titles.includes('NAME') &&
          footer.includes('q quit')
          ? lines
          : undefined;
      },
      { what: 'an 80-column redraw' },
    );
    expect(redrawn[1]).toContain('STATE');
    expect(redrawn.at(-1)).toContain('q quit');
    expect(redrawn.at(-1)).toMatch(/^filter: web {2}↑↓ move/);

    // Esc clears the kept filter, q quits, and the process exits with 0.
    pane.sendKeys('Escape');
    await pollUntil(() => /^↑↓ move/.test(pane.capture().split('\n').at(-1) ?? ''), { what: 'the filter cleared' });
    pane.sendKeys('q');
    const status = await exitStatusOf(pane);
    expect(status).toBe(0);
  });

  it('pick mode: Enter jumps and exits 0', async () => {
    await using dir = makeTempDir('atm-tui-');
    const jumpLog = join(dir.path, 'jumps');
    await using pane = startDashboard(dir.path, '--pick');
    await screenShows(pane, 'atm pick');
    await screenShows(pane, '▾ api');
    pane.sendKeys('/');
    pane.type('café');
    pane.sendKeys('Enter');
    await screenShows(pane, 'filter: café');
    pane.sendKeys('Enter');
    const status = await exitStatusOf(pane);
    expect(status).toBe(0);
    expect(jumps(jumpLog)).toEqual(['%41']);
  });

  it('pick mode: q exits 1 without jumping', async () => {
    await using dir = makeTempDir('atm-tui-');
    const jumpLog = join(dir.path, 'jumps');
    await using pane = startDashboard(dir.path, '--pick');
    await screenShows(pane, '▾ api');
    pane.sendKeys('q');
    const status = await exitStatusOf(pane);
    expect(status).toBe(1);
    expect(jumps(jumpLog)).toEqual([]);
  });
});
