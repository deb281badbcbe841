import type { DesktopNotification } from '../../daemon/notifications-port.js';

/**
 * macOS notifications as argv, pure (not yet run on a Mac: atm is only tested on Linux).
 * terminal-notifier groups by session, so a new notification replaces the session's last one
 * (the D-Bus replaces_id), and `-execute` runs `atm jump <id>` on a click. Without it, osascript's
 * `display notification` shows the text but offers no click action at all.
 */
export interface MacNotification {
  readonly sessionId: string;
  readonly notification: DesktopNotification;
  /** The absolute path of the atm binary, for `-execute`. */
  readonly atmBin: string;
}

export function toTerminalNotifierArgv(n: MacNotification): string[] {
  return [
    '-title',
    'atm',
    '-subtitle',
    n.notification.summary,
    '-message',
    n.notification.body,
    '-group',
    `atm-${n.sessionId}`,
    '-execute',
    `${shellQuote(n.atmBin)} jump ${shellQuote(n.sessionId)}`,
  ];
}

/** terminal-notifier's way to take one down: the group's notifications go. */
export function toTerminalNotifierRemoveArgv(sessionId: string): string[] {
  return ['-remove', `atm-${sessionId}`];
}

/** `osascript -e 'display notification "body" with title "atm" subtitle "summary"'`, strings escaped for AppleScript. */
export function toOsascriptArgv(notification: DesktopNotification): string[] {
  const script = `display notification ${appleString(notification.body)} with title "atm" subtitle ${appleString(notification.summary)}`;
  return ['-e', script];
}

/** AppleScript string literal: backslash and double quote escaped, line breaks as spaces. */
function appleString(text: string): string {
  return `"${text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')}"`;
}

/** `-execute` takes a shell command line; the session id is validated but quoted anyway. */
function shellQuote(text: string): string {
  return /^[\w./:-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
