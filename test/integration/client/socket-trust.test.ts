import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAtmd } from '../../helpers/atmd-process.js';
import { fixtureBytes } from '../../helpers/claude-payloads.js';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65_534;

/**
 * A stand-in for a listener atm should not trust (another user's, say): it answers every
 * connection with `answer` and records whether anyone sent it anything. A real socket.
 */
async function listenAt(path: string, answer: string): Promise<{ heard: () => number } & AsyncDisposable> {
  let heard = 0;
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    socket.on('data', (chunk: Buffer) => (heard += chunk.length));
    socket.on('end', () => socket.end(answer));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  chmodSync(path, 0o600);
  return {
    heard: () => heard,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Issue 10, defects 18 and 19: who atm talks to over its socket, and where atmd may bind. */
describe('socket trust', () => {
  it('atmd refuses a socket directory others can write, sticky or not', async () => {
    await using dir = makeTempDir();
    const shared = join(dir.path, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777); // like /tmp
    await using atmd = spawnAtmd({ ...daemonEnv(dir.path), ATM_SOCKET: join(shared, 'atm.sock') });
    expect((await atmd.exited).code).not.toBe(0);
    expect(atmd.stderr()).toContain(`atmd: the socket directory ${shared} is writable by other users (mode 1777)`);
    expect(readdirSync(shared)).toEqual([]);
  });

  it('atmd refuses a socket path too long for the kernel, says what to do, and binds nothing', async () => {
    await using dir = makeTempDir();
    const deep = join(dir.path, 'd'.repeat(60), 'e'.repeat(40));
    const socketPath = join(deep, 'atm.sock');
    await using atmd = spawnAtmd({ ...daemonEnv(dir.path), ATM_SOCKET: socketPath });
    expect((await atmd.exited).code).not.toBe(0);
    expect(atmd.stderr()).toBe(
      `atmd: the socket path ${socketPath} is ${Buffer.byteLength(socketPath)} bytes; a Unix socket path may have at most 107\n` +
        '  hint: set ATM_SOCKET to a shorter path in a private directory (for example $XDG_RUNTIME_DIR/atm.sock)\n',
    );
    expect(existsSync(deep) ? readdirSync(deep) : []).toEqual([]);
  });

  it('atm statusline strips escape sequences from what the socket answers', async () => {
    await using dir = makeTempDir();
    const env = daemonEnv(dir.path);
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    await using _listener = await listenAt(
      join(dir.path, 'run', 'atm.sock'),
      'Evil\u001b]0;pwned\u0007 \u001b[2Jline\n',
    );
    const run = await runCli(['statusline'], { env, stdin: fixtureBytes('statusline') });
    expect(run).toMatchObject({ code: 0, stdout: 'Evil line\n', stderr: '' });
  });

  it.skipIf(!isRoot)('hook, statusline and list never use a socket another user owns', async () => {
    await using dir = makeTempDir();
    const env = daemonEnv(dir.path);
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    const socketPath = join(dir.path, 'run', 'atm.sock');
    await using listener = await listenAt(socketPath, 'answer from someone else\n');
    chownSync(socketPath, NOBODY, NOBODY);
    expect(await runCli(['hook'], { env, stdin: fixtureBytes('stop') })).toMatchObject({ code: 0, stdout: '' });
    // The line rendered from the payload alone, as with no daemon at all.
    const status = await runCli(['statusline'], { env, stdin: fixtureBytes('statusline') });
    expect(status).toMatchObject({ code: 0, stdout: 'Sonnet 4.5 · ctx 31% · $0.19\n', stderr: '' });
    const list = await runCli(['list'], { env });
    expect(list.code).not.toBe(0);
    expect(list.stderr).toContain(`atm will not talk to the socket: ${socketPath} belongs to uid ${NOBODY}`);
    expect(listener.heard()).toBe(0);
  });

  it('a socket in a directory its group can write is not used either', async () => {
    await using dir = makeTempDir();
    const env = daemonEnv(dir.path);
    mkdirSync(join(dir.path, 'run'));
    chmodSync(join(dir.path, 'run'), 0o770);
    await using listener = await listenAt(join(dir.path, 'run', 'atm.sock'), 'not yours\n');
    const status = await runCli(['statusline'], { env, stdin: fixtureBytes('statusline') });
    expect(status).toMatchObject({ code: 0, stdout: 'Sonnet 4.5 · ctx 31% · $0.19\n' });
    expect(listener.heard()).toBe(0);
  });
});
