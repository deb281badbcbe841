import { afterEach, describe, expect, it } from 'vitest';
import type { ClosedReason, Notifications } from '../../../src/daemon/notifications-port.js';
import { toWaitingNotification } from '../../../src/daemon/notifier-text.js';
import { resolveSessionBusAddress } from '../../../src/integrations/dbus/bus-address.js';
import { createDbusNextNotifications } from '../../../src/integrations/dbus/dbus-next-notifications.js';
import { makeFakeSession } from '../../../src/tui/dev/fake-sessions.js';
import {
  notificationServerSkipReason,
  startNotificationServer,
  type NotificationServer,
} from '../../helpers/notification-server.js';
import { pollFor, pollUntil } from '../../helpers/poll.js';

/** The dbus-next adapter against a real dunst on a private bus (FACTS.md), seen through dbus-monitor. */
const reason = notificationServerSkipReason();
const session = makeFakeSession({
  id: 'a',
  project: 'api',
  status: 'waiting',
  waitingFor: 'permission',
  tool: { name: 'Bash', startedAt: '2025-01-01T12:00:00.000Z', summary: 'npm test' },
});

describe.skipIf(reason !== null)(`the dbus-next adapter${reason === null ? '' : ` (skipped: ${reason})`}`, () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const open = (server: NotificationServer | null, address?: string) => {
    const actions: [number, string][] = [];
    const closed: [number, ClosedReason][] = [];
    const busErrors: string[] = [];
    const resolved = resolveSessionBusAddress({ DBUS_SESSION_BUS_ADDRESS: address ?? server?.address });
    if (!resolved.ok) throw new Error(resolved.reason);
    const port: Notifications = createDbusNextNotifications({
      address: resolved.address,
      timeoutMs: 3_000,
      events: { onAction: (id, key) => actions.push([id, key]), onClosed: (id, why) => closed.push([id, why]) },
      onBusError: (error) => busErrors.push(error.message),
    });
    cleanup.push(async () => port.close());
    return { port, actions, closed, busErrors };
  };
  const server = async () => {
    const started = await startNotificationServer();
    cleanup.push(async () => started[Symbol.asyncDispose]());
    return started;
  };

  it(
    'shows one notification with our app name, hints and actions; a click comes back as ActionInvoked',
    { timeout: 60_000 },
    async () => {
      const dunst = await server();
      const { port, actions, closed } = open(dunst);
      expect(await port.probe()).toBe(true);
      const id = await port.notify(toWaitingNotification(session, null));
      const notify = await pollFor(() => dunst.calls().find((call) => call.member === 'Notify'), { what: 'Notify' });
      expect(notify?.args.slice(0, 5)).toEqual(['atm', '0', '', 'api waits for permission', 'Bash: npm test']);
      expect(notify?.args).toEqual(
        expect.arrayContaining(['default', 'jump', 'Jump', 'category', 'x-atm.waiting', 'urgency']),
      );
      expect(dunst.dunstctl('count', 'displayed').trim()).toBe('1');

      dunst.dunstctl('action', '0');
      await pollUntil(() => actions.length > 0, { what: 'ActionInvoked' });
      expect(actions[0]).toEqual([id, 'default']);

      const again = await port.notify(toWaitingNotification(session, null));
      await port.closeNotification(again);
      await pollUntil(() => closed.some(([closedId]) => closedId === again), { what: 'NotificationClosed' });
      expect(closed.find(([closedId]) => closedId === again)?.[1]).toBe('closed-by-call');
      await pollUntil(() => dunst.calls().some((call) => call.member === 'CloseNotification'), { what: 'the call' });
      expect(
        dunst
          .calls()
          .filter((call) => call.member === 'CloseNotification')
          .map((call) => call.args),
      ).toEqual([[String(again)]]);
    },
  );

  it('replaces_id updates the same notification in place', { timeout: 60_000 }, async () => {
    const dunst = await server();
    const { port } = open(dunst);
    const id = await port.notify(toWaitingNotification(session, null));
    const replaced = await port.notify(toWaitingNotification({ ...session, waitingFor: 'elicitation' }, id));
    expect(replaced).toBe(id);
    await pollUntil(() => dunst.dunstctl('count', 'displayed').trim() === '1', { what: 'one notification on display' });
  });

  it('an abstract-only bus address falls back to $XDG_RUNTIME_DIR/bus', { timeout: 60_000 }, async () => {
    const dunst = await server();
    const resolved = resolveSessionBusAddress({
      DBUS_SESSION_BUS_ADDRESS: 'unix:abstract=/tmp/x',
      XDG_RUNTIME_DIR: dunst.dir,
    });
    expect(resolved).toMatchObject({ ok: true, note: expect.stringContaining('abstract socket') as unknown });
    const { port } = open(null, resolved.ok ? resolved.address.replace('unix:socket=', 'unix:path=') : '');
    expect(await port.probe()).toBe(true);
  });

  it(
    'with no bus: probe says false, notify rejects with the reason, and the bus error is told once',
    { timeout: 30_000 },
    async () => {
      const { port, busErrors } = open(null, 'unix:path=/nonexistent/atm-test-bus');
      expect(await port.probe()).toBe(false);
      const error = await pollFor(() =>
        port.notify(toWaitingNotification(session, null)).then(
          () => undefined,
          (e: Error) => e,
        ),
      );
      expect(error.message).toMatch(/ENOENT|did not answer/);
      expect(busErrors.length).toBeGreaterThanOrEqual(1);
      expect(busErrors.length).toBeLessThanOrEqual(2);
    },
  );
});
