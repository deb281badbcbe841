import { createConnection } from 'node:net';
import { socketTrustProblem } from '../platform/socket-trust.js';

export type OneShotResult = { ok: true; reply: string } | { ok: false; reason: string };

/**
 * Errors after which the same report may still get through: the listen backlog was full
 * (Linux answers a non-blocking connect to a Unix socket with EAGAIN then, while atmd is busy).
 */
const RETRYABLE = new Set(['EAGAIN', 'EWOULDBLOCK']);
const RETRY_DELAY_MS = 20;

/**
 * The hot path's transport: one connection per report, the envelope line then the agent's raw
 * JSON, half-close, and read whatever the daemon answers (a status line, or nothing) until it
 * closes. A socket that another user owns or can reach is never used (socket-trust.ts). A full
 * backlog is retried. Never throws and never outlives `timeoutMs`: a hook must
 * not hold Claude Code up.
 */
export async function sendOneShot(options: {
  socketPath: string;
  envelopeLine: string;
  payload: Uint8Array;
  timeoutMs: number;
}): Promise<OneShotResult> {
  const untrusted = socketTrustProblem(options.socketPath);
  if (untrusted !== null) return { ok: false, reason: untrusted };
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    const result = await attempt(options, Math.max(1, left));
    if (result.ok || !RETRYABLE.has(result.reason) || deadline - Date.now() <= RETRY_DELAY_MS) return result;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
}

function attempt(
  options: { socketPath: string; envelopeLine: string; payload: Uint8Array },
  timeoutMs: number,
): Promise<OneShotResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = createConnection({ path: options.socketPath, allowHalfOpen: true });
    const finish = (result: OneShotResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
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
  /** (1.2) Ask atmd to answer `ok` once a hook report is applied and saved. */
  ack?: boolean;
  /** (1.3) The report's id, the same in every copy sent (report-id.ts). */
  id?: string | null;
}): string {
  return `${JSON.stringify({
    atm: fields.protocolVersion,
    kind: fields.kind,
    agentPid: fields.agentPid,
    ppid: fields.ppid,
    pane: fields.pane,
    tmux: fields.tmux,
    ts: fields.ts,
    ...(fields.ack === true ? { ack: true } : {}),
    ...(fields.id != null ? { id: fields.id } : {}),
  })}\n`;
}
