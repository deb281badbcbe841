import { describe, expect, it } from 'vitest';
import type { DesktopNotification } from '../../../../src/daemon/notifications-port.js';
import {
  toOsascriptArgv,
  toTerminalNotifierArgv,
  toTerminalNotifierRemoveArgv,
} from '../../../../src/integrations/macos/macos-notification-argv.js';

/** Pure argv only: none of this has been run on a Mac. */
const notification: DesktopNotification = {
  summary: 'api waits for permission',
  body: 'Bash: echo "hi" \\ there',
  urgency: 'normal',
  category: 'x-atm.waiting',
  actions: [],
  replacesId: null,
  expireTimeoutMs: 0,
};

describe('macOS notification argv', () => {
  it('terminal-notifier: one group per session (so it replaces), and a click runs atm jump', () => {
    expect(toTerminalNotifierArgv({ sessionId: 'abc-1', notification, atmBin: '/opt/my atm/bin/atm' })).toEqual([
      '-title',
      'atm',
      '-subtitle',
      'api waits for permission',
      '-message',
      'Bash: echo "hi" \\ there',
      '-group',
      'atm-abc-1',
      '-execute',
      `'/opt/my atm/bin/atm' jump abc-1`,
    ]);
    expect(toTerminalNotifierRemoveArgv('abc-1')).toEqual(['-remove', 'atm-abc-1']);
  });

  it('osascript: quotes and backslashes escaped for AppleScript, no click action', () => {
    expect(toOsascriptArgv(notification)).toEqual([
      '-e',
      'display notification "Bash: echo \\"hi\\" \\\\ there" with title "atm" subtitle "api waits for permission"',
    ]);
  });
});
