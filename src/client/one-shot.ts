import { createConnection } from 'node:net';

/**
 * The hot path's transport: one connection per report, the envelope line then the agent's raw
 * JSON, half-close, and read whatever the daemon answers (a status line, or nothing) until it
 * closes. Never throws and never outlives `timeoutMs`: a hook must not hold Claude Code up.
 */
export function sendOneShot(options: {
  socketPath: string;
  envelopeLine: string;
  payload: Uint8Array;
  timeoutMs: number;
}): Promise<{ ok: true; reply: string } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = createConnection({ path: options.socketPath, allowHalfOpen: true });
    const finish = (result: { ok: true; reply: string } | { ok: false; reason: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: `no answer within ${options.timeoutMs} ms` }),
      options.timeoutMs,
    );
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ ok: false, reason: error.code ?? error.message }));
    socket.once('connect', () => {
      socket.write(options.envelopeLine);
      socket.end(options.payload);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('end', () => finish({ ok: true, reply: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** The envelope line, built by hand so the hot path never loads a schema library. */
export function buildEnvelopeLine(fields: {
  protocolVersion: string;
  kind: 'hook' | 'status';
  agentPid: number | null;
  ppid: number | null;
  pane: string | null;
  tmux: string | null;
  ts: number;
}): string {
  return `${JSON.stringify({
    atm: fields.protocolVersion,
    kind: fields.kind,
    agentPid: fields.agentPid,
    ppid: fields.ppid,
    pane: fields.pane,
    tmux: fields.tmux,
    ts: fields.ts,
  })}\n`;
}
