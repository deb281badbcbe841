import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCountingTty } from '../../../src/tui/dev/counting-tty.js';
import { makeFakeSession } from '../../../src/tui/dev/fake-sessions.js';
import { renderDashboard } from '../../../src/tui/render-dashboard.js';
import type { Screen, ScreenInput } from '../../../src/tui/screen.js';
import { createTerminalKitScreen, toScreenInput } from '../../../src/tui/terminal-kit-screen.js';
import { update } from '../../../src/tui/update.js';
import { createDashboardState, type DashboardState } from '../../../src/tui/view-state.js';
import { NOW } from './state-helpers.js';

const opened: Screen[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((screen) => screen.close()));
});

function open(width = 120, height = 40) {
  const tty = createCountingTty({ width, height });
  const inputs: ScreenInput[] = [];
  const screen = createTerminalKitScreen({ streams: { stdin: tty.stdin, stdout: tty.stdout } });
  screen.start({ onInput: (input) => inputs.push(input), onResize: () => undefined });
  opened.push(screen);
  return { tty, screen, inputs };
}

const many = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    makeFakeSession(
      {
        id: `s${i}`,
        pane: `%${i}`,
        project: `p${i % 10}`,
        projectDir: `/src/p${i % 10}`,
        cwd: `/src/p${i % 10}`,
        status: (['working', 'waiting', 'idle'] as const)[i % 3],
      },
      NOW,
    ),
  );

function fed(sessions: ReturnType<typeof many>, size = { width: 120, height: 40 }): DashboardState {
  return update(createDashboardState('dashboard', size), { type: 'feed', event: { type: 'snapshot', sessions } }).state;
}

describe('toScreenInput', () => {
  it.each<[string, boolean, ScreenInput | null]>([
    ['UP', false, { kind: 'key', key: 'up' }],
    ['PAGE_DOWN', false, { kind: 'key', key: 'page-down' }],
    ['ENTER', false, { kind: 'key', key: 'enter' }],
    ['ESCAPE', false, { kind: 'key', key: 'escape' }],
    ['CTRL_C', false, { kind: 'key', key: 'ctrl-c' }],
    ['BACKSPACE', false, { kind: 'key', key: 'backspace' }],
    ['j', true, { kind: 'char', char: 'j' }],
    ['é', true, { kind: 'char', char: 'é' }],
    ['F1', false, null],
  ])('%s', (name, isCharacter, expected) => {
    expect(toScreenInput(name, isCharacter)).toEqual(expected);
  });
});

describe('createTerminalKitScreen', () => {
  it('takes over the terminal and gives it back', async () => {
    const { tty, screen } = open();
    const setup = tty.take().toString();
    expect(setup).toContain('\x1b[?1049h'); // alternate screen
    expect(setup).toContain('\x1b[?25l'); // cursor hidden
    expect(setup).toContain('\x1b[?1000h'); // mouse buttons
    await screen.close();
    const teardown = tty.take().toString();
    expect(teardown).toContain('\x1b[?1049l');
    expect(teardown).toContain('\x1b[?25h');
    expect(teardown).toContain('\x1b[?1000l');
  });

  it('turns keys and mouse events into inputs', async () => {
    const { tty, inputs } = open();
    tty.stdin.write('j');
    tty.stdin.write('\x1b[A');
    tty.stdin.write('\r');
    tty.stdin.write('\x1b[<0;5;7M'); // SGR left press at column 5, row 7
    tty.stdin.write('\x1b[<65;1;1M'); // wheel down
    await vi.waitFor(() => expect(inputs).toHaveLength(5));
    expect(inputs).toEqual([
      { kind: 'char', char: 'j' },
      { kind: 'key', key: 'up' },
      { kind: 'key', key: 'enter' },
      { kind: 'click', x: 4, y: 6 },
      { kind: 'wheel', direction: 'down', x: 0, y: 0 },
    ]);
  });

  it('writes only what changed: nothing for an identical frame, under 300 bytes for one session update', () => {
    const { tty, screen } = open();
    const sessions = many(100);
    const before = fed(sessions);
    tty.take();
    screen.draw(renderDashboard(before, NOW));
    const full = tty.take().length;
    screen.draw(renderDashboard(before, NOW));
    expect(tty.take().length).toBe(0);
    const changed = { ...sessions[50]!, cost: { totalUsd: 7.77, linesAdded: 1, linesRemoved: 1, durationMs: 1 } };
    const after = update(before, { type: 'feed', event: { type: 'update', upsert: [changed], remove: [] } }).state;
    screen.draw(renderDashboard(after, NOW));
    const delta = tty.take();
    expect(delta.length).toBeGreaterThan(0);
    expect(delta.length).toBeLessThan(300);
    expect(full).toBeGreaterThan(delta.length * 10);
  });

  it('redraws everything at a new size', () => {
    const { tty, screen } = open();
    screen.draw(renderDashboard(fed(many(5)), NOW));
    tty.take();
    screen.draw(renderDashboard(fed(many(5), { width: 80, height: 20 }), NOW));
    const output = tty.take().toString();
    expect(output).toContain('atm');
    expect(output).toContain('CONTEXT');
  });

  it('lets no escape sequence from a hostile session reach the terminal', () => {
    const { tty, screen } = open();
    const hostile = '\x1b]0;pwned\x07\x1b[2J\x1b[31m\u009b31m';
    const evil = makeFakeSession(
      {
        id: 'evil',
        project: `e${hostile}`,
        cwd: `/tmp/${hostile}`,
        tool: { name: `Bash${hostile}`, startedAt: new Date(NOW).toISOString(), summary: hostile },
        status: 'working',
      },
      NOW,
    );
    tty.take();
    screen.draw(renderDashboard(fed([evil]), NOW));
    const output = tty.take().toString('utf8');
    expect(output).toContain('Bash');
    expect(output).not.toContain('pwned');
    expect(output).not.toContain('\x07');
    expect(output).not.toContain('\x1b]');
    expect(output).not.toContain('\x1b[2J');
    expect(output).not.toContain('\u009b');
  });
});
