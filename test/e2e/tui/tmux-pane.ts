import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** A command running alone in a private tmux server (`tmux -L atm-test-<unique> -f /dev/null`). */
export interface TmuxPane extends AsyncDisposable {
  readonly server: string;
  /** The visible screen, one line per row (tmux trims trailing blanks). */
  capture(): string;
  /** tmux key names (`Enter`, `Escape`, `q`). */
  sendKeys(...keys: string[]): void;
  /** Literal text, one key per character. */
  type(text: string): void;
  resize(width: number, height: number): void;
  /** A tmux format about the pane, e.g. `#{pane_title}`. */
  display(format: string): string;
  /** The command's exit status once it has exited, else null. The pane stays (remain-on-exit). */
  exitStatus(): number | null;
}

/**
 * Runs argv, then writes its exit status to the file named by the first argument. The script is a
 * constant; the command and the path arrive as positional parameters, never spliced into it.
 * Why not tmux's #{pane_dead_status}: tmux 3.3a, started from a test worker, sometimes never
 * reaps the pane's process (it stays a zombie, the pane dead with no status).
 */
const RECORD_STATUS = 'status_file=$1; shift; "$@"; echo "$?" > "$status_file"';

/**
 * Starts `command` (argv, never a shell string) in a detached session of a fixed size. UTF-8 is
 * forced (-u, LANG) so wide characters are measured as a user's terminal would. `statusFile`
 * receives the exit status.
 */
export function startInTmux(
  command: readonly string[],
  size: { width: number; height: number },
  statusFile: string,
): TmuxPane {
  const server = `atm-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const env = { ...process.env, LANG: 'C.UTF-8', TMUX: undefined };
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-u', '-L', server, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  // remain-on-exit before the command starts, so even an early crash leaves a pane to inspect.
  tmux(
    'start-server',
    ';',
    'set-option',
    '-g',
    'remain-on-exit',
    'on',
    ';',
    'new-session',
    '-d',
    '-s',
    'dash',
    '-x',
    String(size.width),
    '-y',
    String(size.height),
    'sh',
    '-c',
    RECORD_STATUS,
    'sh',
    statusFile,
    ...command,
  );
  const target = 'dash:0.0';
  return {
    server,
    capture: () => tmux('capture-pane', '-p', '-t', target).trimEnd(),
    sendKeys: (...keys) => void tmux('send-keys', '-t', target, ...keys),
    type: (text) => void tmux('send-keys', '-t', target, '-l', text),
    resize: (width, height) => void tmux('resize-window', '-t', 'dash', '-x', String(width), '-y', String(height)),
    display: (format) => tmux('display-message', '-p', '-t', target, format).trimEnd(),
    exitStatus() {
      const status = existsSync(statusFile) ? readFileSync(statusFile, 'utf8').trim() : '';
      return status === '' ? null : Number(status);
    },
    [Symbol.asyncDispose]() {
      const socket = spawnSync('tmux', ['-L', server, 'display-message', '-p', '#{socket_path}'], {
        encoding: 'utf8',
      }).stdout.trim();
      spawnSync('tmux', ['-L', server, 'kill-server']);
      // tmux 3.3 leaves the socket file behind.
      if (socket.startsWith('/')) rmSync(socket, { force: true });
      return Promise.resolve();
    },
  };
}
