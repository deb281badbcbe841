import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnAgent, type FakeAgent } from '../../helpers/agent-process.js';
import { ATM_BIN } from '../../helpers/built.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { listSessions, type WireSession } from '../../helpers/daemon-probes.js';
import { pollFor } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { startInTmux, type TmuxPane } from './tmux-pane.js';

/**
 * Every real part at once: a real atmd (the harness), the real `atm` in a private tmux server,
 * and agents that report through the real hook path (`node dist/cli/main.js hook`), each from
 * its own window of that server with $TMUX_PANE, $TMUX and $ATM_AGENT_PID set as Claude Code's
 * hooks would see them.
 */
export interface Agent {
  readonly name: string;
  readonly id: string;
  readonly cwd: string;
  /** Its tmux pane (`%<digits>`), alone in a window named after the agent. */
  readonly pane: string;
  /** The live process the reports name as the agent (a `sleep`). */
  readonly pid: number;
}

export interface DashboardRig extends AsyncDisposable {
  readonly daemon: DaemonHarness;
  /** The dashboard's pane: window 0 of session `dash`. */
  readonly dashboard: TmuxPane;
  /** A temp dir for the agents' working directories. */
  readonly root: string;
  /**
   * The dashboard waits behind a gate (`read` on its terminal) so a test can prepare sessions,
   * or stop the daemon, before `atm` runs; this opens the gate.
   */
  launch(): void;
  /** A new window with a pane for the agent, and a live process to stand for it. */
  addAgent(name: string, cwd?: string): Agent;
  /**
   * Sends one hook event through `atm hook`, as Claude Code would, and waits until atmd's list
   * shows the session in a state `accept` likes. The hook gives up silently after 180 ms by
   * design (it must never hold Claude Code up), so on a loaded machine one run may be dropped:
   * the same event is sent again until it lands.
   */
  report(
    agent: Agent,
    event: string,
    fields?: Record<string, unknown>,
    accept?: (session: WireSession) => boolean,
  ): Promise<WireSession>;
  /**
   * Resizes the dashboard's window. Not `dashboard.resize`: that one resizes the session's current
   * window, which after a jump is the agent's.
   */
  resizeDashboard(width: number, height: number): void;
  /** `#{pane_active} #{window_active}` of a pane: "1 1" when it is the one the user looks at. */
  focusOf(pane: string): string;
  /** Runs a tmux command on the private server (argv, no shell). */
  tmux(...args: string[]): string;
}

/** Opens on the first line typed into the pane, then becomes the command (exec: same pid). */
const GATE = 'read -r _; exec "$@"';

/** The dashboard's terminal size: the one the layout is designed for. */
export const RIG_SIZE = { width: 120, height: 40 } as const;

/**
 * Starts atmd, then the tmux server with the (gated) dashboard `atm <args>`. Disposal kills the
 * tmux server (and with it the dashboard), the agents, the daemon, and removes the temp dirs.
 */
export async function startRig(args: readonly string[] = []): Promise<DashboardRig> {
  const temp = makeTempDir('atm-rig-');
  const disposers: (() => PromiseLike<void> | void)[] = [() => temp[Symbol.dispose]()];
  const dispose = async (): Promise<void> => {
    for (const disposer of disposers.splice(0).reverse()) await disposer();
  };
  try {
    const daemon = await startDaemon();
    disposers.push(() => daemon[Symbol.asyncDispose]());
    const clientEnv = ['HOME', 'XDG_RUNTIME_DIR', 'XDG_STATE_HOME', 'XDG_CONFIG_HOME'].map(
      (name) => `${name}=${daemon.env[name] ?? ''}`,
    );
    // `env` sets the daemon's XDG tree for atm alone; ATM_SOCKET/ATM_CONFIG from the outside must
    // not point it elsewhere. TMUX and TERM come from the tmux server, as for a user.
    const command = ['env', '-u', 'ATM_SOCKET', '-u', 'ATM_CONFIG', ...clientEnv];
    command.push('sh', '-c', GATE, 'sh', process.execPath, ATM_BIN, ...args);
    const dashboard = startInTmux(command, RIG_SIZE, join(temp.path, 'status'));
    disposers.push(() => dashboard[Symbol.asyncDispose]());
    const tmux = (...tmuxArgs: string[]): string =>
      execFileSync('tmux', ['-u', '-L', dashboard.server, ...tmuxArgs], { encoding: 'utf8' }).trimEnd();
    // $TMUX as tmux sets it in a pane: socket path, server pid, session index.
    const tmuxEnv = tmux('display-message', '-p', '-t', 'dash:', '#{socket_path},#{pid},#{session_id}').replace(
      '$',
      '',
    );
    const agents: FakeAgent[] = [];
    disposers.push(async () => {
      await Promise.all(agents.map((agent) => agent.kill()));
    });

    return {
      daemon,
      dashboard,
      root: temp.path,
      launch: () => dashboard.sendKeys('Enter'),
      addAgent(name, cwd = join(temp.path, name)) {
        if (!cwd.includes('\x1b')) mkdirSync(cwd, { recursive: true });
        const pane = tmux('new-window', '-d', '-t', 'dash:', '-n', name, '-P', '-F', '#{pane_id}', 'sleep', '3600');
        const agent = spawnAgent();
        agents.push(agent);
        return { name, id: sessionId(name), cwd, pane, pid: agent.pid };
      },
      report(agent, event, fields = {}, accept = () => true) {
        const env = { ...daemon.env, TMUX_PANE: agent.pane, TMUX: tmuxEnv, ATM_AGENT_PID: String(agent.pid) };
        const stdin = JSON.stringify(hook(agent.id, event, { cwd: agent.cwd, ...fields }));
        return pollFor(
          async () => {
            await runCli(['hook'], { env, stdin });
            const session = (await listSessions(daemon.socketPath)).find((s) => s.id === agent.id);
            return session !== undefined && accept(session) ? session : undefined;
          },
          { what: `${event} from ${agent.name} to reach atmd`, timeoutMs: 15_000, intervalMs: 100 },
        );
      },
      resizeDashboard: (width, height) =>
        void tmux('resize-window', '-t', 'dash:0', '-x', String(width), '-y', String(height)),
      focusOf: (pane) => tmux('display-message', '-p', '-t', pane, '#{pane_active} #{window_active}'),
      tmux,
      [Symbol.asyncDispose]: dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
