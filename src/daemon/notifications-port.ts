/**
 * What atmd asks of a desktop notification server (org.freedesktop.Notifications over D-Bus on
 * Linux; see src/integrations/dbus). Every call settles within the adapter's own timeout: a
 * server that never answers must not hold up the notifier.
 */
export type NotificationUrgency = 'low' | 'normal' | 'critical';

export interface NotificationAction {
  /** `default` is the click on the notification itself. */
  readonly key: string;
  readonly label: string;
}

export interface DesktopNotification {
  readonly summary: string;
  readonly body: string;
  readonly urgency: NotificationUrgency;
  /** The spec's category hint; ours are `x-atm.<class>`. */
  readonly category: string;
  readonly actions: readonly NotificationAction[];
  /** The notification this one replaces in place (the same session's), or null for a new one. */
  readonly replacesId: number | null;
  /** ms; 0 keeps it on screen until closed, -1 lets the server choose. */
  readonly expireTimeoutMs: number;
}

/** Why the server says a notification closed (the spec's reasons 1–4). */
export type ClosedReason = 'expired' | 'dismissed' | 'closed-by-call' | 'undefined';

export interface NotificationEvents {
  /** The spec says this may never come: nothing may wait for it. */
  onAction(id: number, key: string): void;
  onClosed(id: number, reason: ClosedReason): void;
}

export interface Notifications {
  /** True when a notification server answers on the bus (GetServerInformation); never throws. */
  probe(): Promise<boolean>;
  /** Shows (or replaces) a notification; resolves its id. Rejects on error or timeout. */
  notify(notification: DesktopNotification): Promise<number>;
  /** Closes one notification; resolves even when the server already forgot it. Rejects on timeout. */
  closeNotification(id: number): Promise<void>;
  /** Ends the bus connection. */
  close(): Promise<void>;
}
