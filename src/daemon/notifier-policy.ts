import type { Session } from '../domain/session.js';
import type { NotifyTransition } from '../platform/config-schema.js';
import type { SessionTransition } from './registry-observer.js';

/**
 * The notifier's rules, pure: what one transition asks for, and whether a notification may go
 * out now. Everything compares `before` and `after`; re-sent reports that change nothing (Claude
 * Code repeats its Notification hook while a dialog stays open) ask for nothing, so never repeat.
 */
export type NotifyIntent =
  | { readonly type: 'notify-waiting'; readonly session: Session }
  | { readonly type: 'notify-finished'; readonly session: Session; readonly workedMs: number }
  /** Still waiting, but for something else (another tool, another reason): replace in place. */
  | { readonly type: 'update'; readonly session: Session }
  /** The session stopped waiting (or went back to work, or went away): close its notification. */
  | { readonly type: 'close' }
  | { readonly type: 'none' };

export interface IntentOptions {
  readonly transitions: readonly NotifyTransition[];
  readonly minWorkMs: number;
  /** When the session's current turn began working (see nextWorkingSince), or null. */
  readonly workingSinceMs: number | null;
  readonly nowMs: number;
}

const sameAsk = (a: Session, b: Session): boolean =>
  a.waitingFor === b.waitingFor && a.tool?.name === b.tool?.name && a.tool?.summary === b.tool?.summary;

export function toNotifyIntent(t: SessionTransition, options: IntentOptions): NotifyIntent {
  const { before, after } = t;
  if (after === null) return { type: 'close' };
  const wasWaiting = before?.status === 'waiting';
  if (after.status === 'waiting') {
    const wanted = after.waitingFor !== null && options.transitions.includes(after.waitingFor);
    if (!wasWaiting) return wanted ? { type: 'notify-waiting', session: after } : { type: 'close' };
    return wanted && before !== null && !sameAsk(before, after) ? { type: 'update', session: after } : { type: 'none' };
  }
  if (before?.status === 'working' && after.status === 'idle' && options.transitions.includes('finished')) {
    const workedMs = options.workingSinceMs === null ? 0 : options.nowMs - options.workingSinceMs;
    if (options.workingSinceMs !== null && workedMs >= options.minWorkMs)
      return { type: 'notify-finished', session: after, workedMs };
  }
  if (wasWaiting || (after.status === 'working' && before?.status !== 'working')) return { type: 'close' };
  return { type: 'none' };
}

/** A turn's work time runs from leaving idle until idle again; a wait in between does not reset it. */
export function nextWorkingSince(t: SessionTransition, current: number | null, nowMs: number): number | null {
  if (t.after === null || t.after.status === 'idle') return null;
  return current ?? (t.after.status === 'working' ? nowMs : null);
}

export interface GateOptions {
  readonly nowMs: number;
  /** When this session last got a notification. */
  readonly lastNotifiedAtMs: number | null;
  /** When every notification of the last minute went out, oldest first. */
  readonly recentMs: readonly number[];
  readonly cooldownMs: number;
  readonly maxPerMinute: number;
}

export type Gate =
  { readonly ok: true } | { readonly ok: false; readonly why: 'cooldown' | 'rate-limit'; readonly retryAtMs: number };

export const RATE_WINDOW_MS = 60_000;

/** A per-session cooldown, then a global limit per sliding minute. A refusal says when to try again. */
export function gateNotification(options: GateOptions): Gate {
  const { nowMs, lastNotifiedAtMs, cooldownMs } = options;
  if (lastNotifiedAtMs !== null && nowMs - lastNotifiedAtMs < cooldownMs)
    return { ok: false, why: 'cooldown', retryAtMs: lastNotifiedAtMs + cooldownMs };
  const inWindow = options.recentMs.filter((at) => nowMs - at < RATE_WINDOW_MS);
  if (inWindow.length >= options.maxPerMinute) {
    const oldest = inWindow[inWindow.length - options.maxPerMinute] ?? nowMs;
    return { ok: false, why: 'rate-limit', retryAtMs: oldest + RATE_WINDOW_MS };
  }
  return { ok: true };
}
