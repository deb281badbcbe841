import { describeError } from '../shared/errors.js';
import type { Clock } from './clock.js';
import type { Jumper } from './jumper.js';
import { toAction } from './keymap.js';
import { toMonochromeFrame } from './monochrome.js';
import { renderDashboard } from './render-dashboard.js';
import type { Screen, ScreenInput } from './screen.js';
import type { SessionSource } from './session-source.js';
import { EXIT_CODES, update, type Effect, type Message } from './update.js';
import { createDashboardState, type AtmCommand, type DashboardMode, type Notice } from './view-state.js';

export interface DashboardOptions {
  readonly source: SessionSource;
  readonly jumper: Jumper;
  readonly clock: Clock;
  readonly mode: DashboardMode;
  /** Default: the real terminal (terminal-kit, loaded only now). Tests pass a memory screen. */
  readonly screen?: Screen;
  /** Shown as `~` in paths. */
  readonly homeDir?: string;
  /** How advice names atm (`atm setup`); default plain `atm`. */
  readonly atm?: AtmCommand;
  /** Renders are coalesced to at most one per this many ms (default 50). */
  readonly minRenderIntervalMs?: number;
  /**
   * Aborting ends the dashboard as cleanly as a quit (terminal restored), with EXIT_CODES.interrupted.
   * The CLI aborts on SIGTERM/SIGHUP: a process killed by a signal could not restore the terminal.
   */
  readonly signal?: AbortSignal;
  /** False: no colours, only bold, dim, inverse and the glyphs (NO_COLOR, --color=never). Default true. */
  readonly color?: boolean;
  /** A footer message to start with (e.g. "Started atmd"), dismissed by the first key. */
  readonly initialNotice?: Notice;
}

const toError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/** Real time only drives scheduling; what is shown always uses `clock.now()`. */
const TICK_MS = 1000;

/**
 * Runs the dashboard until the user quits; resolves with the exit status (see EXIT_CODES: 0, or 1
 * when pick mode ends without a jump). Never calls process.exit: the CLI's composition root does.
 *
 * Renders are coalesced: any number of feed events and keys within `minRenderIntervalMs` make one
 * frame. A 1 s tick (aligned to the clock's second) redraws for the clock, the "ago" column and
 * the retry countdown; delta drawing then writes only the few cells that changed, so an idle
 * dashboard costs one small render per second.
 */
export async function runDashboard(options: DashboardOptions): Promise<number> {
  const screen = options.screen ?? (await import('./terminal-kit-screen.js')).createTerminalKitScreen();
  const { source, jumper, clock } = options;
  const minIntervalMs = options.minRenderIntervalMs ?? 50;
  let state = {
    ...createDashboardState(options.mode, screen.size(), options.homeDir ?? null, options.atm),
    notice: options.initialNotice ?? null,
  };
  let renderTimer: NodeJS.Timeout | null = null;
  let tickTimer: NodeJS.Timeout | null = null;
  let lastRenderMs = Number.NEGATIVE_INFINITY;
  let finished = false;

  return new Promise<number>((resolve, reject) => {
    const onAbort = (): void => finish({ code: EXIT_CODES.interrupted });
    const finish = (outcome: { code: number } | { error: unknown }): void => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', onAbort);
      if (renderTimer !== null) clearTimeout(renderTimer);
      if (tickTimer !== null) clearTimeout(tickTimer);
      source.close();
      const settle = (): void => ('code' in outcome ? resolve(outcome.code) : reject(toError(outcome.error)));
      screen
        .close()
        .then(settle, (closeError: unknown) => reject(toError('error' in outcome ? outcome.error : closeError)));
    };

    const render = (): void => {
      renderTimer = null;
      if (finished) return;
      try {
        lastRenderMs = performance.now();
        const frame = renderDashboard(state, clock.now());
        screen.draw(options.color === false ? toMonochromeFrame(frame) : frame);
      } catch (error) {
        finish({ error });
      }
    };
    const requestRender = (): void => {
      if (renderTimer !== null || finished) return;
      renderTimer = setTimeout(render, Math.max(0, lastRenderMs + minIntervalMs - performance.now()));
    };
    const scheduleTick = (): void => {
      tickTimer = setTimeout(
        () => {
          requestRender();
          scheduleTick();
        },
        TICK_MS - (clock.now() % TICK_MS),
      );
    };

    const runEffect = (effect: Effect): void => {
      if (effect.type === 'exit') return finish({ code: effect.code });
      jumper.jumpTo({ pane: effect.pane, server: effect.server }).then(
        (result) => {
          if (result.kind === 'attach') dispatch({ type: 'jump-elsewhere', command: result.command });
          else if (effect.exitAfter) finish({ code: EXIT_CODES.ok });
        },
        (error: unknown) => dispatch({ type: 'jump-failed', message: `Could not jump: ${describeError(error)}` }),
      );
    };
    const dispatch = (message: Message): void => {
      if (finished) return;
      const transition = update(state, message);
      state = transition.state;
      transition.effects.forEach(runEffect);
      requestRender();
    };
    const onInput = (input: ScreenInput): void => {
      const context = {
        helpOpen: state.showHelp,
        filterEditing: state.filterEditing,
        filterActive: state.filter !== '',
      };
      const action = toAction(input, context);
      if (action !== null) dispatch(action);
    };

    try {
      screen.start({ onInput, onResize: (size) => dispatch({ type: 'resize', size }) });
      source.start((event) => dispatch({ type: 'feed', event }));
      if (options.signal?.aborted === true) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      render();
      scheduleTick();
    } catch (error) {
      finish({ error });
    }
  });
}
