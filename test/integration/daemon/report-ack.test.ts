import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { envelopeLine, sendOneShot } from '../../helpers/one-shot-client.js';
import { connectWire } from '../../helpers/wire-client.js';

/** The session ids in atmd's saved state file, read right now. */
const savedIds = (stateDir: string): string[] =>
  (
    JSON.parse(readFileSync(join(stateDir, 'sessions.json'), 'utf8')) as {
      entries: { session: { id: string } }[];
    }
  ).entries.map((entry) => entry.session.id);

// A debounce far longer than any test: whatever is on disk was saved for the ack, not by the timer.
const config = { daemon: { persistDebounceMs: 60_000 } };

describe('a hook report that asks for an ack', () => {
  it('is answered ok only once it is saved, so a crash after the ack cannot lose it', async () => {
    await using daemon = await startDaemon({ config });
    const id = sessionId('ack');
    expect(await sendOneShot(daemon.socketPath, { ack: true }, hook(id, 'UserPromptSubmit'))).toBe('ok\n');
    expect(savedIds(daemon.stateDir)).toEqual([id]);
  });

  it('a refused one is acked too (sending it again would not help); without ack the answer stays empty', async () => {
    await using daemon = await startDaemon({ config });
    expect(await sendOneShot(daemon.socketPath, { ack: true }, { not: 'a hook' })).toBe('ok\n');
    expect(await sendOneShot(daemon.socketPath, {}, hook(sessionId('plain'), 'UserPromptSubmit'))).toBe('');
  });

  it('SIGTERM while a report is half sent: atmd finishes it, saves, acks, then exits 0', async () => {
    await using daemon = await startDaemon({ config });
    const id = sessionId('drain');
    const payload = Buffer.from(JSON.stringify(hook(id, 'UserPromptSubmit')));
    const half = payload.length >> 1;
    const report = createConnection({ path: daemon.socketPath, allowHalfOpen: true });
    report.on('error', () => undefined);
    const reply = new Promise<string>((resolve) => {
      let text = '';
      report.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      report.once('close', () => resolve(text));
    });
    await new Promise<void>((resolve) => report.once('connect', resolve));
    report.write(envelopeLine({ ack: true }));
    report.write(payload.subarray(0, half));
    // atmd accepts in order: once a later connection is welcomed, the report's is accepted too.
    await using dashboard = await connectWire(daemon.socketPath);
    await dashboard.hello();
    const exited = daemon.stop('SIGTERM');
    // A dashboard is ended at once; the report is still being waited for.
    await dashboard.closed();
    // A slow writer (a big payload through nc on a busy machine): the rest comes well after the
    // stop began. atmd must wait for it rather than save and exit without it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    report.end(payload.subarray(half));
    expect(await reply).toBe('ok\n');
    expect(await exited).toBe(0);
    expect(savedIds(daemon.stateDir)).toEqual([id]);
  });
});
