import { Message, MessageType, Variant, sessionBus, type MessageBus } from 'dbus-next';
import type {
  ClosedReason,
  DesktopNotification,
  NotificationEvents,
  NotificationUrgency,
  Notifications,
} from '../../daemon/notifications-port.js';
import { AtmError } from '../../shared/errors.js';

/**
 * The Notifications port over dbus-next, the one file that imports it. dbus-next is unmaintained,
 * so: an 'error' listener is always attached (an unhandled 'error' would kill atmd), every call
 * races our own timeout (a call can hang forever after a failed connect), and a bus that failed
 * is dropped and dialled again on the next call. The low-level `call` is used rather than a proxy
 * object, so no introspection round trip (and no XML parser) sits on the path of a Notify.
 */
const SERVICE = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';
const URGENCY: Record<NotificationUrgency, number> = { low: 0, normal: 1, critical: 2 };
const REASONS: Record<number, ClosedReason> = { 1: 'expired', 2: 'dismissed', 3: 'closed-by-call', 4: 'undefined' };

export interface DbusNextNotificationsOptions {
  /** A dbus-next address (see bus-address.ts). */
  readonly address: string;
  readonly timeoutMs: number;
  readonly events: NotificationEvents;
  /** Told once per failed connection, for one log line. */
  readonly onBusError: (error: Error) => void;
}

export function createDbusNextNotifications(options: DbusNextNotificationsOptions): Notifications {
  let bus: MessageBus | null = null;
  let failed: Error | null = null;
  /** Rejects when the current bus fails: a call on a dead bus fails at once instead of at its timeout. */
  let failure: Promise<never> = new Promise<never>(() => undefined);

  const connect = (): MessageBus => {
    if (bus !== null && failed === null) return bus;
    bus?.disconnect();
    failed = null;
    const fresh = sessionBus({ busAddress: options.address });
    let fail: (error: Error) => void = () => undefined;
    failure = new Promise<never>((_resolve, reject) => (fail = reject));
    failure.catch(() => undefined);
    fresh.on('error', (error: unknown) => {
      const err = error instanceof Error ? error : new Error(String(error));
      if (bus === fresh && failed === null) {
        failed = err;
        fail(err);
        options.onBusError(err);
      }
    });
    fresh.on('message', (message: Message) => onSignal(message, options.events));
    bus = fresh;
    // Signals are usually sent to us alone, but a server may broadcast them: ask for both.
    for (const member of ['ActionInvoked', 'NotificationClosed']) {
      const rule = `type='signal',interface='${SERVICE}',member='${member}'`;
      void withTimeout(fresh.call(busCall('AddMatch', 's', [rule])), options.timeoutMs, 'AddMatch').catch(
        () => undefined,
      );
    }
    return fresh;
  };

  const call = async (member: string, signature: string, body: unknown[]): Promise<Message | null> => {
    const current = connect();
    const message = new Message({ destination: SERVICE, path: PATH, interface: SERVICE, member, signature, body });
    try {
      return await withTimeout(Promise.race([current.call(message), failure]), options.timeoutMs, member);
    } catch (error) {
      if (failed !== null) throw new AtmError('io-failed', `${member}: ${failed.message}`, { cause: failed });
      throw error;
    }
  };

  return {
    async probe() {
      try {
        await call('GetServerInformation', '', []);
        return true;
      } catch {
        return false;
      }
    },
    async notify(n: DesktopNotification) {
      const actions = n.actions.flatMap((action) => [action.key, action.label]);
      const hints = {
        urgency: new Variant('y', URGENCY[n.urgency]),
        category: new Variant('s', n.category),
        'desktop-entry': new Variant('s', 'atm'),
      };
      const reply = await call('Notify', 'susssasa{sv}i', [
        'atm',
        n.replacesId ?? 0,
        '',
        n.summary,
        n.body,
        actions,
        hints,
        n.expireTimeoutMs,
      ]);
      const id: unknown = reply?.body[0];
      if (typeof id !== 'number') throw new AtmError('io-failed', `Notify answered ${JSON.stringify(id)}`);
      return id;
    },
    async closeNotification(id: number) {
      await call('CloseNotification', 'u', [id]);
    },
    close() {
      bus?.disconnect();
      bus = null;
      return Promise.resolve();
    },
  };
}

function busCall(member: string, signature: string, body: unknown[]): Message {
  return new Message({
    destination: 'org.freedesktop.DBus',
    path: '/org/freedesktop/DBus',
    interface: 'org.freedesktop.DBus',
    member,
    signature,
    body,
  });
}

function onSignal(message: Message, events: NotificationEvents): void {
  if (message.type !== MessageType.SIGNAL || message.interface !== SERVICE) return;
  const body: unknown[] = message.body as unknown[];
  const [id, second] = body;
  if (typeof id !== 'number') return;
  if (message.member === 'ActionInvoked' && typeof second === 'string') events.onAction(id, second);
  if (message.member === 'NotificationClosed' && typeof second === 'number')
    events.onClosed(id, REASONS[second] ?? 'undefined');
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new AtmError('timeout', `D-Bus ${what} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
