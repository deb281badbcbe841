import { describe, expect, it, vi } from 'vitest';
import type { PaneId } from '../../../src/domain/ids.js';
import type { JumpResult, JumpTarget } from '../../../src/tui/jumper.js';
import { AtmError } from '../../../src/shared/errors.js';
import { createMemoryScreen, type MemoryScreen } from '../../../src/tui/memory-screen.js';
import { runDashboard } from '../../../src/tui/run-dashboard.js';
import type { FeedEvent, SessionSource } from '../../../src/tui/session-source.js';
import type { DashboardMode } from '../../../src/tui/view-state.js';
import { NOW, THREE_PROJECTS } from './state-helpers.js';

/** A source the test drives by hand. */
function createFakeSource(): SessionSource & {
  emit(event: FeedEvent): void;
  readonly closed: boolean;
  readonly started: boolean;
} {
  let listener: ((event: FeedEvent) => void) | null = null;
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    get started() {
      return listener !== null;
    },
    start(next) {
      listener = next;
    },
    close() {
      closed = true;
    },
    emit(event) {
      listener?.(event);
    },
  };
}

/** A fake of the jump port (the real one is tested against real tmux servers in test/e2e/tui). */
function createRecordingJumper(failWith?: Error, result: JumpResult = { kind: 'switched' }) {
  const jumps: PaneId[] = [];
  const jumpTo = ({ pane }: JumpTarget): Promise<JumpResult> => {
    if (failWith) return Promise.reject(failWith);
    jumps.push(pane);
    return Promise.resolve(result);
  };
  return { jumps, jumpTo };
}

function start(mode: DashboardMode = 'dashboard', options: { failJump?: Error; jumpResult?: JumpResult } = {}) {
  const screen = createMemoryScreen({ width: 100, height: 30 });
  const source = createFakeSource();
  const jumper = createRecordingJumper(options.failJump, options.jumpResult);
  const clock = { now: () => NOW };
  const exit = runDashboard({ source, jumper, clock, mode, screen, minRenderIntervalMs: 0 });
  return { screen, source, jumper, exit };
}

const waitForText = (screen: MemoryScreen, text: string) => vi.waitFor(() => expect(screen.text()).toContain(text));

describe('runDashboard', () => {
  it('shows the sessions the source sends, and exits 0 on q, closing source and screen', async () => {
    const { screen, source, exit } = start();
    await waitForText(screen, 'Connecting to the atm daemon…');
    expect(screen.started).toBe(true);
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    await waitForText(screen, '▾ api  2 sessions');
    screen.press('q');
    await expect(exit).resolves.toBe(0);
    expect(source.closed).toBe(true);
    expect(screen.closed).toBe(true);
  });

  it('filters with / then Enter and jumps to the match with Enter, staying open', async () => {
    const { screen, source, jumper, exit } = start();
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    await waitForText(screen, '▾ api');
    screen.press('/', 'docs', 'enter');
    await waitForText(screen, '── docs ──');
    screen.press('enter');
    await vi.waitFor(() => expect(jumper.jumps).toEqual(['%4']));
    screen.press('escape'); // clears the kept filter
    await waitForText(screen, '▾ api');
    screen.press('escape'); // then quits
    await expect(exit).resolves.toBe(0);
  });

  it('pick mode: Enter jumps and exits 0', async () => {
    const { screen, source, jumper, exit } = start('pick');
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    await waitForText(screen, 'atm pick');
    screen.press('j', 'enter');
    await expect(exit).resolves.toBe(0);
    expect(jumper.jumps).toEqual(['%2']);
  });

  it('a pane on another tmux server: says what to run (as information), and pick mode stays open', async () => {
    const command = 'tmux -S /tmp/tmux-1000/other attach -t %2';
    const { screen, source, jumper, exit } = start('pick', { jumpResult: { kind: 'attach', command } });
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    await waitForText(screen, 'atm pick');
    screen.press('j', 'enter');
    await waitForText(screen, `That pane is on another tmux server; to see it, run: ${command}`);
    expect(jumper.jumps).toEqual(['%2']);
    screen.press('q');
    await expect(exit).resolves.toBe(1);
  });

  it.each(['q', 'escape', 'ctrl-c'])('pick mode: %s exits 1 without jumping', async (key) => {
    const { screen, source, jumper, exit } = start('pick');
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    await waitForText(screen, 'atm pick');
    screen.press(key);
    await expect(exit).resolves.toBe(1);
    expect(jumper.jumps).toEqual([]);
  });

  it('a failed jump is shown, and pick mode stays open', async () => {
    const { screen, source, exit } = start('pick', { failJump: new AtmError('tmux-failed', "can't find pane: %1") });
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    await waitForText(screen, 'atm pick');
    screen.press('enter');
    await waitForText(screen, "Could not jump: can't find pane: %1");
    screen.press('q');
    await expect(exit).resolves.toBe(1);
  });

  it('shows the banner when the source disconnects, and recovers', async () => {
    const { screen, source, exit } = start();
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    await waitForText(screen, '● connected');
    source.emit({ type: 'disconnected', reason: 'ECONNREFUSED', retryAt: NOW + 2000 });
    await waitForText(screen, 'Daemon disconnected — reconnecting in 2s');
    expect(screen.text()).toContain('▾ api'); // still visible
    source.emit({ type: 'connecting' });
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    await waitForText(screen, '● connected');
    expect(screen.text()).not.toContain('Daemon disconnected');
    screen.press('q');
    await exit;
  });

  it('redraws at the new size on resize', async () => {
    const { screen, source, exit } = start();
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    await waitForText(screen, '▾ api');
    screen.resize({ width: 60, height: 12 });
    await vi.waitFor(() => expect(screen.lastFrame()).toMatchObject({ width: 60, height: 12 }));
    expect(screen.lines().every((line) => line.length === 60)).toBe(true);
    screen.press('q');
    await exit;
  });

  it('an abort restores the terminal and exits 130', async () => {
    const screen = createMemoryScreen();
    const source = createFakeSource();
    const controller = new AbortController();
    const exit = runDashboard({
      source,
      jumper: createRecordingJumper(),
      clock: { now: () => NOW },
      mode: 'dashboard',
      screen,
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(screen.drawCount).toBeGreaterThan(0));
    controller.abort();
    await expect(exit).resolves.toBe(130);
    expect(screen.closed).toBe(true);
    expect(source.closed).toBe(true);
  });

  it('a failing screen rejects after closing the source', async () => {
    const screen = {
      ...createMemoryScreen(),
      draw: () => {
        throw new Error('boom');
      },
    };
    const source = createFakeSource();
    const exit = runDashboard({
      source,
      jumper: createRecordingJumper(),
      clock: { now: () => NOW },
      mode: 'dashboard',
      screen,
    });
    await expect(exit).rejects.toThrow('boom');
    expect(source.closed).toBe(true);
  });

  it('coalesces a burst of updates into one render', async () => {
    const { screen, source, exit } = start();
    await vi.waitFor(() => expect(screen.drawCount).toBe(1)); // the first frame is immediate
    source.emit({ type: 'snapshot', sessions: [...THREE_PROJECTS] });
    for (let i = 1; i <= 50; i += 1)
      source.emit({ type: 'update', upsert: [{ ...THREE_PROJECTS[1]!, subagents: i }], remove: [] });
    await waitForText(screen, 'thinking (+50 agents)');
    // The initial frame, the one for the whole burst, and at most one clock tick in between.
    expect(screen.drawCount).toBeLessThanOrEqual(3);
    screen.press('q');
    await exit;
  });
});
