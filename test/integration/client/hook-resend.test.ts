import { chmodSync, mkdirSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { pollFor } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/**
 * `atm hook` (the Node fallback where neither nc nor socat exists) resends a report atmd did not
 * ack, and the copy is not applied twice. The one thing a real atmd cannot be made to do on cue
 * is die after its save and before its ack reaches the client, so a small relay stands between
 * them: it hands the first copy to the real atmd, keeps atmd's `ok` from the client, and then
 * kills atmd with SIGKILL and starts it again; later copies reach the new atmd. Everything else
 * is real: the built `atm hook`, atmd, its state file, the socket.
 */
interface Relay extends AsyncDisposable {
  readonly path: string;
  /** What each connection sent (envelope line + payload), in order. */
  readonly copies: string[];
  /** What atmd answered the first copy (never passed on). */
  firstAnswer(): Promise<string>;
  /** Resolves once `n` connections have been relayed to atmd and answered by it. */
  relayed(n: number): Promise<void>;
}

async function ackDroppingRelay(dir: string, target: string, afterFirst: () => Promise<void>): Promise<Relay> {
  const path = join(dir, 'relay.sock');
  const copies: string[] = [];
  const done: string[] = [];
  let restarted: Promise<void> | null = null;
  let answerFirst = (_text: string): void => undefined;
  const first = new Promise<string>((resolve) => (answerFirst = resolve));
  const server = createServer({ allowHalfOpen: true }, (client: Socket) => {
    const index = copies.push('') - 1;
    const chunks: Buffer[] = [];
    let ended = false;
    client.on('error', () => undefined);
    client.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      copies[index] += chunk.toString('utf8');
    });
    client.on('end', () => (ended = true));
    void (async () => {
      if (index > 0) await restarted; // later copies wait for the new atmd, as systemd's queue would
      const upstream = createConnection({ path: target, allowHalfOpen: true });
      upstream.on('error', () => undefined);
      let answer = '';
      upstream.setEncoding('utf8').on('data', (text: string) => (answer += text));
      await new Promise<void>((resolve) => upstream.once('connect', resolve));
      // Replay what came so far, then pass the rest on (the client may already have gone).
      for (const chunk of chunks.splice(0)) upstream.write(chunk);
      if (ended) upstream.end();
      else {
        client.on('data', (chunk: Buffer) => upstream.write(chunk));
        client.on('end', () => upstream.end());
      }
      await new Promise<void>((resolve) => upstream.once('close', () => resolve()));
      if (index === 0) {
        client.destroy(); // the ack never reaches the client
        answerFirst(answer);
        restarted = afterFirst();
        await restarted;
      } else if (!client.destroyed) client.end(answer);
      done.push(answer);
    })();
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  chmodSync(path, 0o600);
  return {
    path,
    copies,
    firstAnswer: () => first,
    relayed: (n) =>
      pollFor(() => (done.length >= n ? true : undefined), { what: `${n} copies relayed`, timeoutMs: 60_000 }).then(
        () => undefined,
      ),
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const envelopeOf = (copy: string) => JSON.parse(copy.slice(0, copy.indexOf('\n'))) as Record<string, unknown>;

describe('atm hook, when the ack is lost and atmd restarts', () => {
  it('sends the report again with the same id, and the new atmd counts it once', async () => {
    await using agent = spawnAgent();
    await using daemon = await startDaemon();
    await using dir = makeTempDir();
    mkdirSync(join(dir.path, 'run'), { mode: 0o700 });
    await using relay = await ackDroppingRelay(join(dir.path, 'run'), daemon.socketPath, async () => {
      await daemon.stop('SIGKILL');
      await daemon.restart();
    });
    const sid = sessionId('node');
    const result = await runCli(['hook'], {
      env: { ...daemon.env, ATM_SOCKET: relay.path, ATM_AGENT_PID: String(agent.pid) },
      stdin: JSON.stringify(hook(sid, 'SubagentStart')),
      timeoutMs: 30_000,
    });
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    // The first copy was applied and saved (that is what ok says), and then atmd died.
    expect(await relay.firstAnswer()).toBe('ok\n');
    await relay.relayed(2);
    expect(relay.copies.length).toBeGreaterThanOrEqual(2);
    const envelopes = relay.copies.map(envelopeOf);
    expect(envelopes[0]).toMatchObject({ kind: 'hook', ack: true });
    expect(new Set(envelopes.map((e) => `${String(e.id)} ${String(e.ts)}`)).size).toBe(1);
    expect(new Set(relay.copies.map((copy) => copy.slice(copy.indexOf('\n') + 1))).size).toBe(1);
    expect((await listSessions(daemon.socketPath)).map((s) => [s.id, s.subagents])).toEqual([[sid, 1]]);
  });

  it('with no atmd at all it tries once, prints nothing and exits 0', async () => {
    await using dir = makeTempDir();
    const result = await runCli(['hook'], {
      env: { PATH: process.env.PATH, ATM_SOCKET: join(dir.path, 'none.sock') },
      stdin: JSON.stringify(hook(sessionId('none'), 'SubagentStart')),
    });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
  });
});
