import { assertNever } from '../../shared/assert-never.js';
import type { SessionChange } from '../../domain/session-event.js';
import type { SessionEntry } from '../../domain/session-reducer.js';
import type { WaitingFor } from '../../domain/session.js';
import type { SessionsFile } from './sessions-file.js';
import type { TranscriptInterrupt } from './transcript-tail.js';

/**
 * The reconciliation rules of docs/STATUS.md ("Reconciliation"), pure: what Claude Code left
 * on disk says a session's status moved on without a hook (Esc fires none). The daemon applies
 * the answer as an ordinary event whose `at` is the witness's own time, so the reducer's
 * ordering rule keeps holding: an older hook arriving later does not undo it, a newer one wins.
 */
export interface ReconcileInput {
  readonly entry: SessionEntry;
  /** The parsed `sessions/<pid>.json`, or null when there is none (or it is not JSON). */
  readonly sessionsFile: SessionsFile | null;
  readonly transcript: {
    readonly interrupt: TranscriptInterrupt | null;
    /** The transcript's mtime, which dates an interrupt record that carries no timestamp. */
    readonly modifiedAtMs: number;
  } | null;
  readonly nowMs: number;
}

export interface Reconciliation {
  readonly change: SessionChange;
  /** Epoch ms to order the change by: the sessions file's status time, or the interrupt's. */
  readonly at: number;
  readonly source: 'sessions-file' | 'transcript';
}

/** A hook's clock and the transcript's may disagree by this much about the moment of an Esc. */
export const INTERRUPT_SLACK_MS = 1_000;
/** A sessions file dated further ahead than this is not trusted: it would outrank every hook. */
export const MAX_FUTURE_MS = 5_000;

const CLAUDE_STATUSES = ['idle', 'busy', 'waiting'] as const;
type ClaudeStatus = (typeof CLAUDE_STATUSES)[number];
const isClaudeStatus = (value: string | undefined): value is ClaudeStatus =>
  (CLAUDE_STATUSES as readonly (string | undefined)[]).includes(value);

interface FileWitness {
  readonly status: ClaudeStatus;
  readonly waitingFor: string | undefined;
  readonly at: number;
}

/** The sessions file's testimony, when it is about this very process and session and is dated sanely. */
function toFileWitness(file: SessionsFile | null, entry: SessionEntry, nowMs: number): FileWitness | null {
  if (file === null || !isClaudeStatus(file.status)) return null;
  const { session, pidStart } = entry;
  if (file.pid !== undefined && file.pid !== session.pid) return null;
  if (file.sessionId !== undefined && file.sessionId !== session.id) return null;
  // Both are Linux start ticks when both are digits: a mismatch is a file left by a dead process.
  const digits = /^\d+$/;
  if (file.procStart !== undefined && pidStart !== null && digits.test(file.procStart) && digits.test(pidStart)) {
    if (file.procStart !== pidStart) return null;
  }
  const at = file.statusUpdatedAt ?? file.updatedAt;
  if (at === undefined || at > nowMs + MAX_FUTURE_MS) return null;
  return { status: file.status, waitingFor: file.waitingFor, at: Math.min(at, nowMs) };
}

/** Claude's free-text reason ("permission prompt", "input needed") in atm's words. */
export function toWaitingFor(text: string | undefined): WaitingFor {
  const lower = (text ?? '').toLowerCase();
  if (lower.includes('permission')) return 'permission';
  if (lower.includes('plan')) return 'plan';
  if (lower.includes('elicit') || lower.includes('mcp')) return 'elicitation';
  return 'question';
}

function fromFile(witness: FileWitness, entry: SessionEntry): Reconciliation | null {
  const current = entry.session.status;
  const change = ((): SessionChange | null => {
    switch (witness.status) {
      case 'idle':
        return { type: 'idle' };
      case 'busy':
        return current === 'working' ? null : { type: 'working' };
      case 'waiting':
        // Ours came from a hook and says why (question, plan); Claude's text is vaguer.
        return current === 'waiting'
          ? null
          : { type: 'waiting', reason: toWaitingFor(witness.waitingFor), tool: null, summary: null };
      default:
        return assertNever(witness.status, 'Claude session status');
    }
  })();
  return change === null ? null : { change, at: witness.at, source: 'sessions-file' };
}

/**
 * What to apply to a working or waiting session, or null. The newest witness speaks: the
 * sessions file when it is newer than our last status and than any interrupt record, else a
 * trailing interrupt record in the transcript (the only witness in versions without a status).
 */
export function reconcileSession(input: ReconcileInput): Reconciliation | null {
  const { entry, transcript, nowMs } = input;
  if (entry.session.status === 'idle') return null;
  const file = toFileWitness(input.sessionsFile, entry, nowMs);
  const interrupt = transcript?.interrupt ?? null;
  const interruptAt = interrupt === null ? null : Math.min(interrupt.atMs ?? transcript?.modifiedAtMs ?? nowMs, nowMs);

  if (file !== null && (interruptAt === null || file.at >= interruptAt)) {
    return file.at > entry.statusAt ? fromFile(file, entry) : null;
  }
  if (interruptAt === null || interruptAt < entry.statusAt - INTERRUPT_SLACK_MS) return null;
  return { change: { type: 'idle' }, at: Math.max(interruptAt, entry.statusAt), source: 'transcript' };
}
