import { chmodSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATM_BIN } from '../../helpers/built.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeFakeSession } from '../../../src/tui/dev/fake-sessions.js';
import { waitForScreen } from './screen-probes.js';
import { hasTmux, startInTmux } from './tmux-pane.js';

/**
 * Issue 10 defect 15, the dashboard's side: atmd of a newer release sends a session this atm
 * cannot read. A newer atmd does not exist yet, so a fake one stands in for it (a real Unix
 * socket speaking protocol 1.4, line by line as atmd does); the dashboard is the real `atm` in a
 * real tmux terminal, and the test reads its screen.
 */
const NEWER = '1.4';

const readable = makeFakeSession({ id: 'known-1', project: 'shop', status: 'working', pane: '%1' }, Date.now());
/** A shape a later release might send: `subagents` became a list. */
const unreadable = (id: string) => ({ ...readable, id, subagents: [{ id: 'x', kind: 'explore' }] });
const SESSIONS = [readable, unreadable('future-1'), unreadable('future-2')];

/** Answers hello, then any list or subscribe with the snapshot, and ping with pong. */
function answer(socket: Socket): void {
  let buffered = '';
  const send = (message: unknown): void => void socket.write(`${JSON.stringify(message)}\n`);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const message = JSON.parse(buffered.slice(0, newline)) as { type: string; id?: unknown };
      buffered = buffered.slice(newline + 1);
      const id = message.id === undefined ? {} : { id: message.id };
      if (message.type === 'hello')
        send({ type: 'welcome', protocolVersion: NEWER, daemonVersion: '9.0.0', pid: process.pid });
      else if (message.type === 'list' || message.type === 'subscribe')
        send({ type: 'snapshot', ...id, sessions: SESSIONS });
      else if (message.type === 'ping') send({ type: 'pong', ...id });
    }
  });
}

async function startNewerDaemon(socketPath: string): Promise<AsyncDisposable> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    answer(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  chmodSync(socketPath, 0o600); // as atmd does: atm trusts no socket others may use
  return {
    [Symbol.asyncDispose]: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(!hasTmux)('the dashboard against a newer atmd (defect 15)', () => {
  it('shows what it can read and says in the footer how many sessions it leaves out, and why', async () => {
    await using dir = makeTempDir('atm-newer-');
    const socketPath = join(dir.path, 'atm.sock');
    await using _daemon = await startNewerDaemon(socketPath);
    const env = [
      `ATM_SOCKET=${socketPath}`,
      `HOME=${dir.path}`,
      `XDG_CONFIG_HOME=${join(dir.path, 'config')}`,
      `XDG_STATE_HOME=${join(dir.path, 'state')}`,
    ];
    const command = ['env', '-u', 'ATM_CONFIG', ...env, process.execPath, ATM_BIN, '--no-start'];

    await using pane = startInTmux(command, { width: 80, height: 24 }, join(dir.path, 'status'));
    const screen = await waitForScreen(
      pane,
      (lines) => lines.some((line) => line.includes('● shop')) && lines,
      'the readable session',
    );
    const footer = await waitForScreen(pane, (lines) => lines.at(-1)?.includes('not shown') && lines.at(-1), 'footer');
    expect(footer).toMatch(/^2 sessions not shown: atmd is newer \(1\.4\); update atm {2}.*\? help {2}q quit$/);
    expect(screen[0]).toMatch(/^atm {2}0 waiting {2}1 working {2}0 idle/);

    // Wider, the footer has room for the whole sentence.
    pane.resize(160, 24);
    await waitForScreen(
      pane,
      (lines) =>
        lines.at(-1)?.startsWith('2 sessions not shown: atmd speaks a newer protocol (1.4); update atm, or restart'),
      'the long footer at 160 columns',
    );

    // `atm list` tells the same story on stderr, one line per session left out.
    const list = await runCli(['list'], { env: { ATM_SOCKET: socketPath, HOME: dir.path } });
    expect(list.stdout).toContain('shop');
    expect(list.stderr.match(/left out a session future-\d .* this atm cannot read/g)).toHaveLength(2);
  });
});
