import { spawn } from 'node:child_process';
import { createConnection, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendOneShot } from '../../../src/client/one-shot.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/** A real listener in its own process, with a backlog of one, that answers each report "ok". */
const LISTENER = `
const net = require('node:net');
net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('data', () => undefined);
  socket.on('end', () => socket.end('ok\\n'));
}).listen({ path: process.argv[1], backlog: 1 }, () => {
  require('node:fs').chmodSync(process.argv[1], 0o600); // as atmd's: clients use no other
  process.stdout.write('up\\n');
});
`;

const connectOutcome = (path: string): Promise<{ socket: Socket; error: string | null }> =>
  new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once('connect', () => resolve({ socket, error: null }));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve({ socket, error: error.code ?? error.message }));
  });

/**
 * Issue 10, defect 1: while atmd is too busy to accept, Linux refuses a non-blocking connect to
 * a full backlog with EAGAIN. The report could still be delivered a moment later, so the
 * one-shot client retries within its budget. The busy daemon is a real process, stopped with
 * SIGSTOP, so nothing accepts until SIGCONT.
 */
describe('the one-shot client and a full listen backlog', () => {
  it('retries until the listener accepts, and the report arrives', async () => {
    await using dir = makeTempDir();
    const path = join(dir.path, 'busy.sock');
    const child = spawn(process.execPath, ['-e', LISTENER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    const held: Socket[] = [];
    await using _cleanup = {
      [Symbol.asyncDispose]: async () => {
        for (const socket of held) socket.destroy();
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGKILL');
          await exited;
        }
      },
    };
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGSTOP');
    // Fill the backlog until the kernel refuses: that is the state a busy atmd is in.
    for (;;) {
      const probe = await connectOutcome(path);
      held.push(probe.socket);
      if (probe.error === 'EAGAIN') break;
      expect(probe.error).toBeNull();
      expect(held.length).toBeLessThan(100);
    }
    const sending = sendOneShot({
      socketPath: path,
      envelopeLine: '{"atm":"1.1","kind":"hook"}\n',
      payload: Buffer.from('{}'),
      timeoutMs: 30_000,
    });
    // A connect issued after the client's first attempt is refused too, so that attempt was.
    const after = await connectOutcome(path);
    held.push(after.socket);
    expect(after.error).toBe('EAGAIN');
    child.kill('SIGCONT');
    expect(await sending).toEqual({ ok: true, reply: 'ok\n' });
  });
});
