import { buildEnvelopeLine, sendOneShot } from '../../client/one-shot.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { readAll } from '../read-stdin.js';
import type { Readable } from 'node:stream';

/** Everything the hot-path commands take from the process, passed in by main.ts. */
export interface ReportContext {
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly ppid: number;
  readonly socketPath: string;
  readonly now: () => number;
}

/** Hooks carry small JSON; a huge tool response is cut rather than held in memory. */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;
const STDIN_TIMEOUT_MS = 100;
const SEND_TIMEOUT_MS = 60;

const positiveInt = (value: string | undefined): number | null => {
  if (value === undefined || !/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
};

/**
 * Reads Claude Code's JSON from stdin and forwards it to atmd untouched, with the envelope.
 * Returns the daemon's answer, or null when there is none (no daemon, timeout, bad input):
 * callers print nothing or a fallback, never an error.
 */
export async function forwardReport(
  kind: 'hook' | 'status',
  ctx: ReportContext,
): Promise<{ reply: string | null; payload: Buffer }> {
  const ts = ctx.now();
  const input = await readAll(ctx.stdin, { maxBytes: MAX_REPORT_BYTES, timeoutMs: STDIN_TIMEOUT_MS });
  if (input.truncated || input.timedOut || input.bytes.length === 0) return { reply: null, payload: input.bytes };
  const envelopeLine = buildEnvelopeLine({
    protocolVersion: PROTOCOL_VERSION,
    kind,
    agentPid: positiveInt(ctx.env.ATM_AGENT_PID) ?? positiveInt(ctx.env.CLAUDE_PID),
    ppid: ctx.ppid > 1 ? ctx.ppid : null,
    pane: ctx.env.TMUX_PANE ?? null,
    tmux: ctx.env.TMUX ?? null,
    ts,
  });
  const sent = await sendOneShot({
    socketPath: ctx.socketPath,
    envelopeLine,
    payload: input.bytes,
    timeoutMs: SEND_TIMEOUT_MS,
  });
  return { reply: sent.ok ? sent.reply : null, payload: input.bytes };
}
