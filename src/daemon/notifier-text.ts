import type { Session, WaitingFor } from '../domain/session.js';
import { formatDuration } from '../domain/session-format.js';
import { sanitizeTerminalText } from '../shared/terminal-text.js';
import type { DesktopNotification } from './notifications-port.js';

/** What a waiting session waits for, as the end of "<project> waits for …". */
const WAITS_FOR: Record<WaitingFor, string> = {
  permission: 'permission',
  question: 'an answer',
  plan: 'plan approval',
  elicitation: 'input',
};
const MAX_SUMMARY_CHARS = 80;
const MAX_BODY_CHARS = 200;

/** The two actions every atm notification carries: the click, and a visible button. */
export const JUMP_ACTIONS = [
  { key: 'default', label: 'Jump' },
  { key: 'jump', label: 'Jump' },
] as const;

/**
 * Text from a session is data: terminal controls go, and so do `&`, `<` and `>`, because servers
 * that support body markup (dunst does by default) would read `<b>` or `<a href>` in a command.
 */
export function toPlainText(text: string, maxChars: number): string {
  const clean = sanitizeTerminalText(text).replace(/\s+/g, ' ').trim();
  const cut = [...clean].length > maxChars ? `${[...clean].slice(0, maxChars - 1).join('')}…` : clean;
  return cut.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Urgency `normal`, kept on screen (`expire 0`) until atm closes it: the agent is blocked on you,
 * which matters but is not the emergency `critical` is meant for (critical also defeats
 * do-not-disturb). atm closes it itself as soon as the session stops waiting.
 */
export function toWaitingNotification(session: Session, replacesId: number | null): DesktopNotification {
  const reason = session.waitingFor ?? 'permission';
  const tool = session.tool;
  const what = tool === null ? '' : [tool.name, tool.summary].filter((part) => part !== null && part !== '').join(': ');
  return {
    summary: toPlainText(`${session.project} waits for ${WAITS_FOR[reason]}`, MAX_SUMMARY_CHARS),
    body: toPlainText(what === '' ? `${session.project} needs you` : what, MAX_BODY_CHARS),
    urgency: 'normal',
    category: `x-atm.waiting`,
    actions: JUMP_ACTIONS,
    replacesId,
    expireTimeoutMs: 0,
  };
}

/** Low urgency and the server's own timeout: a finished turn is news, not a request. */
export function toFinishedNotification(
  session: Session,
  workedMs: number,
  replacesId: number | null,
): DesktopNotification {
  return {
    summary: toPlainText(`${session.project} finished`, MAX_SUMMARY_CHARS),
    body: toPlainText(`worked ${formatDuration(workedMs)}`, MAX_BODY_CHARS),
    urgency: 'low',
    category: 'x-atm.finished',
    actions: JUMP_ACTIONS,
    replacesId,
    expireTimeoutMs: -1,
  };
}
