import { toPaneId } from '../domain/ids.js';
import { resolveSessionBusAddress } from '../integrations/dbus/bus-address.js';
import { createExecFileTmux } from '../integrations/tmux/exec-file-tmux.js';
import { isPaneInView } from '../integrations/tmux/pane-focus.js';
import { switchToPane, type PaneTarget } from '../integrations/tmux/pane-jump.js';
import type { NotificationsConfig } from '../platform/config-schema.js';
import type { Logger } from '../platform/logger.js';
import { createNotifyCommand } from './notify-command.js';
import type { NotificationEvents, Notifications } from './notifications-port.js';
import { Notifier, REAL_TIMERS } from './notifier.js';

const DBUS_TIMEOUT_MS = 2_000;
const TMUX_TIMEOUT_MS = 1_000;

/**
 * Builds the notifier for atmd: the desktop (D-Bus) side when enabled and, for `auto`, when a
 * server answers; the user command when configured. With no bus or no server it logs one line
 * and the rest of atmd works on. dbus-next is imported only when notifications may be shown.
 */
export async function createNotifier(options: {
  readonly config: NotificationsConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
}): Promise<Notifier> {
  const { config, env, logger } = options;
  let notifier: Notifier | null = null;
  const events: NotificationEvents = {
    onAction: (id, key) => notifier?.onAction(id, key),
    onClosed: (id, reason) => notifier?.onClosed(id, reason),
  };
  const desktop = config.enabled === false ? null : await openDesktop(config.enabled, env, events, logger);
  notifier = new Notifier({
    config,
    desktop,
    command:
      config.command === null
        ? null
        : createNotifyCommand({ argv: config.command, timeoutMs: config.commandTimeoutMs, env, logger }),
    inView: paneInView,
    jump: (target) => switchToPane(target),
    now: Date.now,
    timers: REAL_TIMERS,
    logger,
  });
  return notifier;
}

async function openDesktop(
  enabled: true | 'auto',
  env: NodeJS.ProcessEnv,
  events: NotificationEvents,
  logger: Logger,
): Promise<Notifications | null> {
  const address = resolveSessionBusAddress(env);
  if (!address.ok) {
    logger.info('desktop notifications off: no session bus', { reason: address.reason });
    return null;
  }
  if (address.note !== undefined) logger.info(address.note);
  const { createDbusNextNotifications } = await import('../integrations/dbus/dbus-next-notifications.js');
  let told = false;
  const desktop = createDbusNextNotifications({
    address: address.address,
    timeoutMs: DBUS_TIMEOUT_MS,
    events,
    onBusError: (error) => {
      if (!told) logger.info('the session bus connection failed', { address: address.address, error: error.message });
      told = true;
    },
  });
  if (await desktop.probe()) {
    logger.info('desktop notifications on', { bus: address.address });
    return desktop;
  }
  if (enabled === true) {
    logger.warn('no notification server answers on the session bus; will keep trying', { bus: address.address });
    return desktop;
  }
  logger.info('desktop notifications off: no notification server answers on the session bus', {
    bus: address.address,
  });
  await desktop.close();
  return null;
}

async function paneInView(target: PaneTarget): Promise<boolean> {
  const pane = toPaneId(target.pane);
  if (pane === null) return false;
  const tmux = createExecFileTmux({
    ...(target.server === null ? {} : { socketPath: target.server }),
    timeoutMs: TMUX_TIMEOUT_MS,
  });
  return isPaneInView(await tmux.listPanes(), pane);
}
