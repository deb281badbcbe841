import { lstatSync } from 'node:fs';
import { deliverHookReport } from '../../client/hook-delivery.js';
import { buildEnvelopeLine, sendOneShot } from '../../client/one-shot.js';
import { readKernelUuid, toReportId } from '../../client/report-id.js';
import { HOOK_ACK } from '../../protocol/hook-ack.js';
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
  /** This process's pid, for a report id where the kernel gives no uuid (default: process.pid). */
  readonly pid?: number;
  /** Reads the kernel's random uuid (default: /proc/sys/kernel/random/uuid); tests replace it. */
  readonly kernelUuid?: () => string | null;
}

/** Hooks carry small JSON; a huge tool response is cut rather than held in memory. */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;

/**
 * How long reading Claude Code's JSON, and then handing it to atmd (every try of a hook report
 * together), may each take. Hooks run
 * with `async: true`, so Claude Code does not wait for them: the budget only bounds how long a
 * report may be late, and it matches the shim's (`nc -w 2`). On a loaded 2-core machine with
 * 40 hooks starting at once a Node process can take well over a second to be scheduled, which
 * is why a 100 ms budget lost most reports (issue 10, defect 1).
 */
export const REPORT_BUDGET_MS = { stdin: 2_000, send: 2_000 } as const;

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
  const input = await readAll(ctx.stdin, { maxBytes: MAX_REPORT_BYTES, timeoutMs: REPORT_BUDGET_MS.stdin });
  if (input.truncated || input.timedOut || input.bytes.length === 0) return { reply: null, payload: input.bytes };
  const hook = kind === 'hook';
  const envelopeLine = buildEnvelopeLine({
    protocolVersion: PROTOCOL_VERSION,
    kind,
    agentPid: positiveInt(ctx.env.ATM_AGENT_PID) ?? positiveInt(ctx.env.CLAUDE_PID),
    ppid: ctx.ppid > 1 ? ctx.ppid : null,
    pane: ctx.env.TMUX_PANE ?? null,
    tmux: ctx.env.TMUX ?? null,
    ts,
    // A hook report is resent until acked, as by the shim; the id makes a copy harmless.
    ack: hook,
    id: hook ? toReportId((ctx.kernelUuid ?? readKernelUuid)(), ctx.pid ?? process.pid, ts) : null,
  });
  const send = (timeoutMs: number) =>
    sendOneShot({ socketPath: ctx.socketPath, envelopeLine, payload: input.bytes, timeoutMs });
  if (!hook) {
    const sent = await send(REPORT_BUDGET_MS.send);
    return { reply: sent.ok ? sent.reply : null, payload: input.bytes };
  }
  const delivered = await deliverHookReport(
    {
      send,
      socketPresent: () => isSocket(ctx.socketPath),
      now: ctx.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
    REPORT_BUDGET_MS.send,
  );
  return { reply: delivered.acked ? HOOK_ACK : null, payload: input.bytes };
}

const isSocket = (path: string): boolean => {
  try {
    return lstatSync(path).isSocket();
  } catch {
    return false;
  }
};
