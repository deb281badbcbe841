import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderShim } from '../../../src/integrations/claude/shim/shim-script.js';
import { writeShim } from '../../../src/cli/claude-shim-file.js';
import { findExecutable } from '../../../src/integrations/claude/shim/detect-transport.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { runRaw } from './run-as-claude.js';

/**
 * The shim's side of "no report lost": it resends a hook report until atmd acks it. A real atmd
 * cannot be made to drop a connection at an exact point, so a fake one stands in here, scripted
 * per connection (the real crash, kill -9 under systemd, is test/e2e/systemd). Real sh, real nc/socat.
 */
type Answer = 'ack' | 'drop' | 'silent-close';

async function fakeAtmd(socketPath: string, script: readonly Answer[]) {
  const received: string[] = [];
  const server = createServer({ allowHalfOpen: true }, (socket: Socket) => {
    const answer = script[received.length] ?? 'ack';
    let text = '';
    const index = received.push('') - 1;
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      received[index] = text;
      if (answer === 'drop') socket.destroy(); // a crash with the report half read
    });
    socket.on('error', () => undefined);
    socket.on('end', () => (answer === 'ack' ? socket.end('ok\n') : socket.end()));
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    received,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Envelope {
  readonly id?: string;
  readonly ts: number;
}

/** Root (CI) can hide the kernel's uuid in a private mount namespace; elsewhere that case is skipped. */
const canBindOverUuid = process.getuid?.() === 0 && (await findExecutable('unshare', process.env.PATH)) !== null;
if (!canBindOverUuid) console.warn('skipping the shim id fallback test: needs root and unshare(1)');

const transports = await Promise.all(
  (['nc', 'socat'] as const).map(async (kind) => ({ kind, path: await findExecutable(kind, process.env.PATH) })),
);

describe.each(transports)('the shim with $kind', ({ kind, path }) => {
  const shimFor = async (dir: string): Promise<string> => {
    const shim = join(dir, 'atm-report.sh');
    await writeShim(
      shim,
      renderShim({
        transport: { kind, path: path ?? '' },
        nodePath: process.execPath,
        atmMain: '/nonexistent',
        fallbackSocket: join(dir, 'atm.sock'),
        atmVersion: 'test',
        protocolVersion: '1.2',
      }),
    );
    return shim;
  };
  const run = (shim: string, dir: string, payload: string) =>
    runRaw(shim, ['hook'], {
      env: { PATH: process.env.PATH, ATM_SOCKET: join(dir, 'atm.sock') },
      stdin: payload,
      timeoutMs: 20_000,
    });

  it.skipIf(path === null)('asks for an ack and sends once when atmd acks', async () => {
    await using dir = makeTempDir();
    await using atmd = await fakeAtmd(join(dir.path, 'atm.sock'), ['ack']);
    const payload = JSON.stringify(hook(sessionId('once'), 'UserPromptSubmit'));
    const result = await run(await shimFor(dir.path), dir.path, payload);
    expect({ code: result.code, stdout: result.stdout.toString(), stderr: result.stderr.toString() }).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(atmd.received).toHaveLength(1);
    const [envelope, body] = (atmd.received[0] ?? '').split(/\n(.*)/s);
    expect(JSON.parse(envelope ?? '')).toMatchObject({ kind: 'hook', ack: true });
    expect(body).toBe(payload);
  });

  it.skipIf(path === null)('resends the same report when the connection drops or closes before the ack', async () => {
    await using dir = makeTempDir();
    await using atmd = await fakeAtmd(join(dir.path, 'atm.sock'), ['drop', 'silent-close', 'ack']);
    const payload = JSON.stringify(hook(sessionId('again'), 'PreToolUse'));
    const result = await run(await shimFor(dir.path), dir.path, payload);
    expect([result.code, result.stdout.toString(), result.stderr.toString()]).toEqual([0, '', '']);
    expect(atmd.received).toHaveLength(3);
    expect(atmd.received.slice(1).map((text) => text.slice(text.indexOf('\n') + 1))).toEqual([payload, payload]);
    // Every copy is the same report: one id (atmd applies it once) and one time (a copy can
    // never pass a newer report).
    const envelopes = atmd.received.map((text) => JSON.parse(text.slice(0, text.indexOf('\n'))) as Envelope);
    expect(new Set(envelopes.map((e) => `${e.id} ${e.ts}`)).size).toBe(1);
    expect(envelopes[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it.skipIf(path === null || !canBindOverUuid)(
    "without the kernel's uuid (not Linux), the id is the shell's pid and start time",
    async () => {
      await using dir = makeTempDir();
      await using atmd = await fakeAtmd(join(dir.path, 'atm.sock'), ['silent-close', 'ack']);
      const shim = await shimFor(dir.path);
      // A private mount namespace in which /proc/sys/kernel/random/uuid reads as empty.
      const result = await runRaw(
        'unshare',
        ['--mount', 'sh', '-c', 'mount --bind /dev/null /proc/sys/kernel/random/uuid && exec "$0" hook', shim],
        { env: { PATH: process.env.PATH, ATM_SOCKET: join(dir.path, 'atm.sock') }, stdin: '{}', timeoutMs: 20_000 },
      );
      expect([result.code, result.stdout.toString(), result.stderr.toString()]).toEqual([0, '', '']);
      const envelopes = atmd.received.map((text) => JSON.parse(text.slice(0, text.indexOf('\n'))) as Envelope);
      expect(envelopes).toHaveLength(2);
      expect(envelopes[0]?.id).toMatch(/^\d+-\d{13}$/);
      expect(envelopes[0]?.id).toBe(`${envelopes[0]?.id?.split('-')[0]}-${envelopes[0]?.ts}`);
      expect(envelopes[1]?.id).toBe(envelopes[0]?.id);
    },
  );

  it.skipIf(path === null)('gives up quietly after 3 tries, and at once when there is no socket', async () => {
    await using dir = makeTempDir();
    const shim = await shimFor(dir.path);
    const none = await run(shim, dir.path, '{}');
    expect([none.code, none.stdout.toString(), none.stderr.toString()]).toEqual([0, '', '']);
    await using atmd = await fakeAtmd(join(dir.path, 'atm.sock'), [
      'silent-close',
      'silent-close',
      'silent-close',
      'ack',
    ]);
    const result = await run(shim, dir.path, '{}');
    expect([result.code, result.stdout.toString(), result.stderr.toString()]).toEqual([0, '', '']);
    expect(atmd.received).toHaveLength(3);
  });
});
