import { spawnSync } from 'node:child_process';
import type { Session } from '../../../src/domain/session.js';
import { startDaemon, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { runCli, type CliResult } from '../../helpers/run-cli.js';
import { listAtm } from './atm-list.js';
import { watchAtm, type AtmWatch } from './atm-watch.js';
import { findClaudeBinary } from './claude-binary.js';
import { toChildEnv } from './claude-config-seed.js';
import { createClaudeEnv, type ClaudeEnv } from './claude-env.js';
import { toClaudePane, type ClaudePane } from './claude-pane.js';
import { startFakeModel, type FakeModel } from './fake-model.js';
import type { FakeScript } from './fake-model-script.js';
import { pollUntil } from './poll.js';
import { createTmuxServer, type PaneId, type TmuxServer } from './tmux-driver.js';

/**
 * atm installed for real around the real Claude Code: a scripted fake model, a throwaway
 * CLAUDE_CONFIG_DIR, `atm setup` into it, a real atmd (with a watcher stamping its updates),
 * and a private tmux server (`tmux -L atm-test-… -f /dev/null`) for `claude` panes.
 * Dispose tears everything down in reverse order, even after a failed test: the tmux server
 * (waiting until every claude has exited), the watcher, atmd, the model, the temp dirs.
 */
export interface AtmRigOptions {
  readonly script: FakeScript;
  /** The user's settings.json before `atm setup` (a statusLine of their own, permissions). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** More trusted project dirs, <root>/<name>. */
  readonly extraProjects?: readonly string[];
  /** Run `atm setup` while starting (default true); false leaves it to `rig.setup()`. */
  readonly setup?: boolean;
}

/** Where a new claude pane goes: its own tmux session, a new window, or beside another pane. */
export type Placement =
  | { readonly kind: 'session'; readonly name?: string; readonly windowName?: string; readonly width?: number }
  | { readonly kind: 'window'; readonly session: string; readonly name: string }
  | { readonly kind: 'split'; readonly target: PaneId };

export interface StartClaude {
  readonly placement?: Placement;
  /** Default: the env's project dir. */
  readonly cwd?: string;
}

export interface AtmRig extends AsyncDisposable {
  readonly daemon: DaemonHarness;
  readonly model: FakeModel;
  readonly claude: ClaudeEnv;
  readonly tmux: TmuxServer;
  readonly watch: AtmWatch;
  /** The environment every `atm` command runs with: the daemon's XDG tree. */
  readonly atmEnv: NodeJS.ProcessEnv;
  /** `atm setup` into the temp CLAUDE_CONFIG_DIR; throws unless it exits 0. */
  setup(): Promise<CliResult>;
  list(): Promise<Session[]>;
  /**
   * Starts `claude` and waits until it is ready: its prompt on screen, its sessions file idle,
   * and (unless `withoutAtm`) atm listing it with the pane's pid.
   */
  startClaude(options?: StartClaude & { readonly withoutAtm?: boolean }): Promise<ClaudePane>;
  /** The environment a pane needs to reach this daemon: for the dashboard, say. */
  paneEnv(): Record<string, string>;
}

/** Why the suite cannot run here, or null. */
export function skipReason(): string | null {
  const binary = findClaudeBinary();
  if (!binary.found) return binary.reason;
  if (spawnSync('tmux', ['-V']).status !== 0) return 'tmux is not installed';
  return null;
}

/** The outer environment minus anything that would point a pane at another atm or Claude. */
const toServerEnv = (): Record<string, string> =>
  Object.fromEntries(Object.entries(toChildEnv(process.env, {})).filter(([name]) => !name.startsWith('ATM_')));

export async function startAtmRig(options: AtmRigOptions): Promise<AtmRig> {
  const binary = findClaudeBinary();
  if (!binary.found) throw new Error(binary.reason);
  const disposers: (() => Promise<unknown>)[] = [];
  const dispose = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const disposer of disposers.splice(0).reverse())
      await disposer().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, 'rig teardown failed');
  };
  try {
    const owned = <T extends AsyncDisposable>(resource: T): T => {
      disposers.push(async () => resource[Symbol.asyncDispose]());
      return resource;
    };
    const model = owned(await startFakeModel(options.script));
    const claude = owned(
      await createClaudeEnv({
        baseUrl: model.url,
        ...(options.settings === undefined ? {} : { settings: options.settings }),
        ...(options.extraProjects === undefined ? {} : { extraProjects: options.extraProjects }),
      }),
    );
    const daemon = owned(await startDaemon());
    const watch = owned(await watchAtm(daemon.socketPath));
    const tmux = owned(createTmuxServer(toServerEnv(), 'atm-test'));
    const atmEnv = daemon.env;
    const paneEnv = (): Record<string, string> => ({
      HOME: atmEnv['HOME'] ?? '',
      XDG_RUNTIME_DIR: atmEnv['XDG_RUNTIME_DIR'] ?? '',
      XDG_STATE_HOME: atmEnv['XDG_STATE_HOME'] ?? '',
      XDG_CONFIG_HOME: atmEnv['XDG_CONFIG_HOME'] ?? '',
    });
    const deps = { tmux, model, atmEnv, sessionsFilePath: (pid: number) => claude.sessionsFilePath(pid) };
    let sessions = 0;

    const setup = async (): Promise<CliResult> => {
      const result = await runCli(['setup'], { env: { ...atmEnv, CLAUDE_CONFIG_DIR: claude.configDir } });
      if (result.code !== 0)
        throw new Error(`atm setup exited ${String(result.code)}: ${result.stderr}${result.stdout}`);
      return result;
    };
    const openPane = (placement: Placement, cwd: string): Promise<PaneId> => {
      // No random "how is Claude doing?" survey: it takes digit keys and covers the prompt.
      const env = { ...claude.env, CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1', ...paneEnv() };
      const pane = { command: [binary.path], cwd, env };
      switch (placement.kind) {
        case 'session':
          sessions += 1;
          return tmux.newPane({
            ...pane,
            sessionName: placement.name ?? `claude${sessions}`,
            ...(placement.windowName === undefined ? {} : { windowName: placement.windowName }),
            ...(placement.width === undefined ? {} : { width: placement.width }),
          });
        case 'window':
          return tmux.newWindow(placement.session, { ...pane, name: placement.name });
        case 'split':
          return tmux.splitPane(placement.target, pane);
      }
    };

    const rig: AtmRig = {
      daemon,
      model,
      claude,
      tmux,
      watch,
      atmEnv,
      setup,
      list: () => listAtm(atmEnv),
      paneEnv,
      async startClaude(start = {}) {
        const pane = await openPane(start.placement ?? { kind: 'session' }, start.cwd ?? claude.projectDir);
        const pid = await pollUntil(() => tmux.panePid(pane), { timeoutMs: 10_000, what: 'the claude pane pid' });
        const screen = (): Promise<string> => tmux.capturePane(pane).catch(() => '<pane gone>');
        const id = await pollUntil(
          async () => {
            const file = await toClaudePane(deps, pane, pid, '').readFile();
            return file?.status === 'idle' ? file.sessionId : undefined;
          },
          { timeoutMs: 45_000, what: `claude (pid ${pid}) to write an idle sessions file`, describeLast: screen },
        );
        const claudePane = toClaudePane(deps, pane, pid, id);
        await claudePane.waitForScreen('❯', 'the prompt', 30_000);
        if (start.withoutAtm !== true) {
          await pollUntil(() => claudePane.atm(), {
            timeoutMs: 20_000,
            intervalMs: 200,
            what: `atm to list session ${id} (pid ${pid})`,
            describeLast: async () => JSON.stringify(await rig.list(), null, 2),
          });
        }
        return claudePane;
      },
      [Symbol.asyncDispose]: dispose,
    };
    if (options.setup !== false) await setup();
    return rig;
  } catch (error) {
    await dispose().catch(() => undefined);
    throw error;
  }
}
