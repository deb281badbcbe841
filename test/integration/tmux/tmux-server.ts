import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** A private tmux server (`tmux -L atm-test-<unique> -f /dev/null`), killed on dispose. */
export interface TmuxServer extends AsyncDisposable {
  readonly name: string;
  /** Runs tmux against this server and returns its trimmed stdout; throws on failure. */
  tmux(...args: string[]): string;
}

export function startTmuxServer(firstSession: { name: string; window: string }): TmuxServer {
  const name = `atm-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  // -u: names with Unicode must survive whatever locale the test runs in.
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-u', '-L', name, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  tmux('new-session', '-d', '-s', firstSession.name, '-n', firstSession.window, '-x', '100', '-y', '30', 'cat');
  return { name, tmux, [Symbol.asyncDispose]: () => killServer(name) };
}

/** kill-server leaves the socket file behind (tmux 3.3), so remove it too. */
function killServer(name: string): Promise<void> {
  const socket = spawnSync('tmux', ['-L', name, 'display-message', '-p', '#{socket_path}'], {
    encoding: 'utf8',
  }).stdout.trim();
  spawnSync('tmux', ['-L', name, 'kill-server']);
  if (socket.startsWith('/')) rmSync(socket, { force: true });
  return Promise.resolve();
}

/**
 * A tmux client attached to `session` of `server`, so that switch-client has someone to switch.
 * A client needs a terminal: it runs in a pane of a second private server, which gives it one.
 */
export function attachClient(server: TmuxServer, session: string): AsyncDisposable & { readonly name: string } {
  const outer = `${server.name}-outer`;
  const attach = `env -u TMUX tmux -u -L '${server.name}' attach-session -t '${session}'`;
  execFileSync('tmux', ['-L', outer, '-f', '/dev/null', 'new-session', '-d', '-x', '100', '-y', '30', attach]);
  return { name: outer, [Symbol.asyncDispose]: () => killServer(outer) };
}

/** Polls `check` every 20 ms until it holds, for at most `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
