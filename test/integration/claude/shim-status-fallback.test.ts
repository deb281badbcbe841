import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTransport, findExecutable } from '../../../src/integrations/claude/shim/detect-transport.js';
import {
  FALLBACK_STATUS_LINE,
  NO_ANSWER_STATUS_LINE,
  renderShim,
} from '../../../src/integrations/claude/shim/shim-script.js';
import type { Transport } from '../../../src/integrations/claude/shim/shim-transport.js';
import { fixtureBytes } from '../../helpers/claude-payloads.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { runRaw } from './run-as-claude.js';

const isRoot = process.getuid?.() === 0;

/** The transports this machine offers for the shim: nc and socat, each only if installed and usable. */
async function transports(): Promise<Transport[]> {
  const found: Transport[] = [];
  const nc = await detectTransport(process.env.PATH);
  if (nc.kind === 'nc') found.push(nc);
  const socat = await findExecutable('socat', process.env.PATH);
  if (socat !== null) found.push({ kind: 'socat', path: socat });
  return found;
}
const available = await transports();

/**
 * A real listener standing in for atmd: it accepts, reads, and never answers (a hung daemon),
 * recording how many bytes it was sent. Its socket is 0600 in a 0700 dir, as atmd's.
 */
async function hungListener(path: string): Promise<{ heard: () => number } & AsyncDisposable> {
  const held: Socket[] = [];
  let heard = 0;
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    held.push(socket);
    socket.on('data', (chunk: Buffer) => (heard += chunk.length));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  chmodSync(path, 0o600);
  return {
    heard: () => heard,
    [Symbol.asyncDispose]: async () => {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function writeShim(dir: string, transport: Transport): string {
  const file = join(dir, 'atm-report.sh');
  const text = renderShim({
    transport,
    nodePath: process.execPath,
    atmMain: '/nonexistent/main.js',
    fallbackSocket: join(dir, 'none.sock'),
    atmVersion: 'test',
    protocolVersion: '1.2',
  });
  writeFileSync(file, text, { mode: 0o755 });
  return file;
}

/** Issue 10, defects 20 and 18, for the shim's nc and socat transports. */
describe.skipIf(available.length === 0)('the shim status line with a daemon that does not answer', () => {
  it.each(available.map((t) => [t.kind, t] as const))(
    '%s: prints a line of its own, never a blank one',
    async (_kind, transport) => {
      await using dir = makeTempDir();
      mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
      const sock = join(dir.path, 'run', 'atm.sock');
      await using listener = await hungListener(sock);
      const shim = writeShim(dir.path, transport);
      const run = await runRaw(shim, ['status'], {
        env: { PATH: process.env.PATH, ATM_SOCKET: sock },
        stdin: fixtureBytes('statusline'),
        timeoutMs: 20_000,
      });
      expect({ code: run.code, stdout: run.stdout.toString() }).toEqual({
        code: 0,
        stdout: `${NO_ANSWER_STATUS_LINE}\n`,
      });
      expect(listener.heard()).toBeGreaterThan(0);
    },
  );

  it.skipIf(!isRoot).each(available.map((t) => [t.kind, t] as const))(
    '%s: never talks to a socket another user owns',
    async (_kind, transport) => {
      await using dir = makeTempDir();
      mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
      const sock = join(dir.path, 'run', 'atm.sock');
      await using listener = await hungListener(sock);
      chownSync(sock, 65_534, 65_534);
      const shim = writeShim(dir.path, transport);
      const env = { PATH: process.env.PATH, ATM_SOCKET: sock };
      const status = await runRaw(shim, ['status'], { env, stdin: fixtureBytes('statusline'), timeoutMs: 20_000 });
      expect(status.stdout.toString()).toBe(`${FALLBACK_STATUS_LINE}\n`);
      const hook = await runRaw(shim, ['hook'], { env, stdin: fixtureBytes('stop'), timeoutMs: 20_000 });
      expect({ code: hook.code, stdout: hook.stdout.toString() }).toEqual({ code: 0, stdout: '' });
      expect(listener.heard()).toBe(0);
    },
  );
});
