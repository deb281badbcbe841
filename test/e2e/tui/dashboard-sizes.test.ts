import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/built.js';
import { pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { hasTmux, startInTmux } from './tmux-pane.js';

/**
 * The real dashboard in a real tmux at the sizes people use, read back with capture-pane. Set
 * ATM_CAPTURE_DIR to keep the captures (plain and with colours, -e) for a review.
 */
const FAKE_DASHBOARD = join(REPO_ROOT, 'dist', 'tui', 'dev', 'fake-dashboard.js');
const SIZES = [
  { width: 80, height: 24 },
  { width: 160, height: 45 },
  { width: 250, height: 60 },
];

describe.skipIf(!hasTmux)('the dashboard at 80x24, 160x45 and 250x60', () => {
  it.each(SIZES)('$width x $height: whole names while there is room, STATE and the quit hint', async (size) => {
    await using dir = makeTempDir('atm-size-');
    if (!existsSync(FAKE_DASHBOARD)) throw new Error(`${FAKE_DASHBOARD} is missing: run \`npm run build\` first`);
    await using pane = startInTmux(
      [process.execPath, FAKE_DASHBOARD, '--jump-log', join(dir.path, 'jumps')],
      size,
      join(dir.path, 'status'),
    );
    await pollUntil(() => pane.capture().includes('● connected') && pane.capture().includes('shop-frontend'), {
      what: 'the dashboard with its sessions',
      timeoutMs: 15_000,
    });
    const screen = pane.capture();
    const lines = screen.split('\n');
    expect(screen).not.toContain('\uFFFD');
    expect(lines.find((line) => line.includes('NAME'))).toMatch(/\bSTATE\b/);
    expect(lines.at(-1)).toContain('q quit');
    expect(lines.every((line) => [...line].length <= size.width)).toBe(true);
    if (size.width >= 160) {
      expect(screen).toContain('work:frontend-checkout %61'); // the TMUX column, whole
      expect(screen).toContain('Opus 4.5 (1M context)'); // MODEL, whole
    }
    const keep = process.env.ATM_CAPTURE_DIR;
    if (keep !== undefined && keep !== '') {
      mkdirSync(keep, { recursive: true });
      const name = `dashboard-${size.width}x${size.height}`;
      writeFileSync(join(keep, `${name}.txt`), `${screen}\n`);
      const coloured = execFileSync('tmux', ['-L', pane.server, 'capture-pane', '-p', '-e', '-t', 'dash:0.0'], {
        encoding: 'utf8',
      });
      writeFileSync(join(keep, `${name}.ansi`), coloured);
    }
    pane.sendKeys('q');
  });
});
