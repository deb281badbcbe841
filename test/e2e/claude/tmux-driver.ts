import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { pollUntil } from './poll.js';
import { waitForExit } from './process-exit.js';

const execFileAsync = promisify(execFile);

/**
 * A private tmux server (`tmux -L <name> -f /dev/null`) for driving real TUIs: start panes,
 * type with send-keys, read with capture-pane, wait for the screen. Never touches the user's
 * tmux. Dispose kills the server and waits until every process in its panes has exited.
 * All tmux calls are execFile with argv: nothing here builds a shell string.
 */
export type PaneId = `%${number}`;

export interface NewPaneOptions {
  /** argv run directly by tmux (no shell). */
  readonly command: readonly string[];
  readonly cwd: string;
  /** Added to the pane's environment with `new-session -e`. */
  readonly env?: Readonly<Record<string, string>>;
  readonly width?: number;
  readonly height?: number;
  /** tmux session name; default one per call. */
  readonly sessionName?: string;
  /** The first window's name (then tmux does not rename it after the running command). */
  readonly windowName?: string;
}

/** A pane added next to existing ones: a new window in `session`, or a split of `target`. */
export interface AddPaneOptions {
  /** argv run directly by tmux (no shell). */
  readonly command: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** The new window's name (newWindow only). */
  readonly name?: string;
}

export interface ScreenWait {
  readonly timeoutMs?: number;
  readonly what?: string;
}

export interface TmuxServer extends AsyncDisposable {
  readonly socketName: string;
  run(args: readonly string[]): Promise<string>;
  newPane(options: NewPaneOptions): Promise<PaneId>;
  /** A new (not selected) window in tmux session `session`, running `command`. */
  newWindow(session: string, options: AddPaneOptions): Promise<PaneId>;
  /** Splits `target`'s window side by side; the new pane is not selected. */
  splitPane(target: PaneId, options: AddPaneOptions): Promise<PaneId>;
  /** tmux key names, e.g. 'Enter', 'Escape', 'Down', 'C-c'. */
  sendKeys(pane: PaneId, ...keys: readonly string[]): Promise<void>;
  /** Literal text (send-keys -l), no key-name interpretation. */
  sendText(pane: PaneId, text: string): Promise<void>;
  capturePane(pane: PaneId): Promise<string>;
  /** The screen with its colours and attributes as SGR sequences (`capture-pane -p -e`). */
  captureStyled(pane: PaneId): Promise<string>;
  /** Resolves with the screen once `expect` matches it; throws with the last screen on timeout. */
  waitForScreen(
    pane: PaneId,
    expect: string | RegExp | ((screen: string) => boolean),
    wait?: ScreenWait,
  ): Promise<string>;
  /** Pid of the pane's first process (the `command`), or undefined once the pane is gone. */
  panePid(pane: PaneId): Promise<number | undefined>;
  /** `session:@window.%pane`-style facts for matching Claude Code's sessions file. */
  describePane(pane: PaneId): Promise<{ session: string; windowId: string; paneId: PaneId }>;
  /** A tmux format evaluated for the pane, e.g. `#{pane_active} #{window_active}`. */
  display(pane: PaneId, format: string): Promise<string>;
  kill(): Promise<void>;
}

const PANE_ID = /^%\d+$/;

export function toPaneId(text: string): PaneId {
  const trimmed = text.trim();
  if (!PANE_ID.test(trimmed)) throw new Error(`not a tmux pane id: ${JSON.stringify(trimmed)}`);
  return trimmed as PaneId;
}

const toEnvArgs = (env: Readonly<Record<string, string>> = {}): string[] =>
  Object.entries(env).flatMap(([name, value]) => ['-e', `${name}=${value}`]);

const matchesScreen = (expect: string | RegExp | ((screen: string) => boolean), screen: string): boolean =>
  typeof expect === 'string'
    ? screen.includes(expect)
    : expect instanceof RegExp
      ? expect.test(screen)
      : expect(screen);

/**
 * @param env the environment the tmux server (and so every pane) starts from; pass a clean one
 *   (see toChildEnv) so an outer tmux or Claude Code session does not leak in.
 */
export function createTmuxServer(env: Readonly<Record<string, string>>, prefix = 'atm-claude-e2e'): TmuxServer {
  const socketName = `${prefix}-${process.pid}-${randomBytes(4).toString('hex')}`;
  let sessions = 0;
  const run = async (args: readonly string[]): Promise<string> => {
    const { stdout } = await execFileAsync('tmux', ['-L', socketName, '-f', '/dev/null', ...args], { env });
    return stdout;
  };
  const capturePane = (pane: PaneId): Promise<string> => run(['capture-pane', '-p', '-t', pane]);
  // Learnt from the first new-session; tmux 3.3 leaves the socket file behind when the server
  // exits, and it is ours, so kill() removes it.
  let socketPath: string | undefined;
  const kill = async (): Promise<void> => {
    // kill-server only sends SIGHUP; wait for the pane processes to finish exiting, so a caller
    // that next removes their temp dirs does not race their last writes. The server may already
    // be gone (last pane exited): that is the state we want anyway.
    const out = await run(['list-panes', '-a', '-F', '#{pane_pid}']).catch(() => '');
    const pids = out
      .split('\n')
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid > 0);
    await run(['kill-server']).catch(() => undefined);
    await waitForExit(pids);
    if (socketPath?.endsWith(`/${socketName}`) === true) await rm(socketPath, { force: true });
  };
  return {
    socketName,
    run,
    async newPane(options) {
      sessions += 1;
      const envArgs = toEnvArgs(options.env);
      const out = await run([
        'new-session',
        '-d',
        '-P',
        '-F',
        '#{pane_id}\t#{socket_path}',
        '-s',
        options.sessionName ?? `s${sessions}`,
        ...(options.windowName === undefined ? [] : ['-n', options.windowName]),
        '-x',
        String(options.width ?? 120),
        '-y',
        String(options.height ?? 40),
        '-c',
        options.cwd,
        ...envArgs,
        '--',
        ...options.command,
      ]);
      const [paneId = '', path = ''] = out.trim().split('\t');
      socketPath ??= path === '' ? undefined : path;
      return toPaneId(paneId);
    },
    async newWindow(session, options) {
      const name = options.name === undefined ? [] : ['-n', options.name];
      const out = await run(
        ['new-window', '-d', '-P', '-F', '#{pane_id}', '-t', `${session}:`, ...name, '-c', options.cwd].concat(
          toEnvArgs(options.env),
          ['--', ...options.command],
        ),
      );
      return toPaneId(out);
    },
    async splitPane(target, options) {
      const out = await run(
        ['split-window', '-d', '-h', '-P', '-F', '#{pane_id}', '-t', target, '-c', options.cwd].concat(
          toEnvArgs(options.env),
          ['--', ...options.command],
        ),
      );
      return toPaneId(out);
    },
    async sendKeys(pane, ...keys) {
      await run(['send-keys', '-t', pane, ...keys]);
    },
    async sendText(pane, text) {
      await run(['send-keys', '-t', pane, '-l', text]);
    },
    capturePane,
    captureStyled: (pane) => run(['capture-pane', '-p', '-e', '-t', pane]),
    waitForScreen(pane, expect, wait = {}) {
      let last = '';
      return pollUntil(
        async () => {
          last = await capturePane(pane).catch((error: unknown) => `<capture failed: ${String(error)}>`);
          return matchesScreen(expect, last) ? last : undefined;
        },
        {
          timeoutMs: wait.timeoutMs ?? 15_000,
          what: wait.what ?? `screen to match ${String(expect)}`,
          describeLast: () => last,
        },
      );
    },
    async panePid(pane) {
      const out = await run(['display-message', '-p', '-t', pane, '#{pane_pid}']).catch(() => '');
      const pid = Number.parseInt(out.trim(), 10);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    },
    async describePane(pane) {
      const out = await run(['display-message', '-p', '-t', pane, '#{session_name}\t#{window_id}\t#{pane_id}']);
      const [session = '', windowId = '', paneId = ''] = out.trim().split('\t');
      return { session, windowId, paneId: toPaneId(paneId) };
    },
    async display(pane, format) {
      return (await run(['display-message', '-p', '-t', pane, format])).trimEnd();
    },
    kill,
    [Symbol.asyncDispose]: kill,
  };
}
