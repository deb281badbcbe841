import { describe, expect, it } from 'vitest';
import { flush, notifierRig } from './notifier-fakes.js';

/**
 * The notifier over fakes of its ports (desktop, tmux focus, jump, command) and a fake clock,
 * fed by the real registry with Claude Code 2.1.331's captured payloads. The fake clock is what
 * lets a 3-minute wait run in a unit test; test/e2e/notifications runs the real thing briefly.
 */
const toWaiting = (rig: ReturnType<typeof notifierRig>) => {
  rig.hook('01-SessionStart');
  rig.hook('02-UserPromptSubmit');
  rig.hook('03-PreToolUse');
  rig.hook('04-PermissionRequest');
};

describe('Notifier', () => {
  it('a permission dialog: one notification naming project and tool, closed when approved', async () => {
    const rig = notifierRig();
    toWaiting(rig);
    await flush();
    expect(rig.desktop.shown).toHaveLength(1);
    expect(rig.desktop.shown[0]?.n).toMatchObject({
      summary: 'project waits for permission',
      body: 'Bash: touch atm-e2e-marker.txt',
      replacesId: null,
    });
    rig.clock.advance(2_000);
    rig.hook('06-PostToolUse');
    await flush();
    expect(rig.desktop.closed).toEqual([rig.desktop.shown[0]?.id]);
  });

  it('no repeat over a 3-minute wait while Claude Code re-sends its Notification hook (fake clock)', async () => {
    const rig = notifierRig();
    toWaiting(rig);
    for (let second = 6; second <= 180; second += 6) {
      rig.clock.advance(6_000);
      rig.hook('05-Notification');
      rig.hook('04-PermissionRequest');
    }
    await flush();
    expect(rig.desktop.shown).toHaveLength(1);
    expect(rig.desktop.closed).toEqual([]);
    expect(rig.commands).toHaveLength(1);
  });

  it('quiet when the pane is in view: no notification and no command', async () => {
    const rig = notifierRig();
    rig.setInView(true);
    toWaiting(rig);
    await flush();
    expect(rig.desktop.shown).toEqual([]);
    expect(rig.commands).toEqual([]);
  });

  it('quietWhenFocused: false notifies even in view', async () => {
    const rig = notifierRig({ quietWhenFocused: false });
    rig.setInView(true);
    toWaiting(rig);
    await flush();
    expect(rig.desktop.shown).toHaveLength(1);
  });

  it('a second wait within the cooldown is sent when the cooldown ends, if it still waits', async () => {
    const rig = notifierRig({ cooldownSeconds: 5 });
    toWaiting(rig);
    rig.clock.advance(1_000);
    rig.hook('06-PostToolUse');
    rig.clock.advance(1_000);
    rig.hook('04-PermissionRequest');
    await flush();
    expect(rig.desktop.shown).toHaveLength(1);
    rig.clock.advance(3_000);
    await flush();
    expect(rig.desktop.shown).toHaveLength(2);
    expect(rig.desktop.shown[1]?.n.replacesId).toBeNull(); // the first was closed: a new one
  });

  it('a wait that ended within the cooldown is never sent', async () => {
    const rig = notifierRig({ cooldownSeconds: 5 });
    toWaiting(rig);
    await flush();
    rig.clock.advance(1_000);
    rig.hook('06-PostToolUse');
    rig.hook('04-PermissionRequest');
    rig.clock.advance(1_000);
    rig.hook('06-PostToolUse');
    rig.clock.advance(60_000);
    await flush();
    expect(rig.desktop.shown).toHaveLength(1);
  });

  it('the global rate limit holds the seventh session of a minute back until a slot frees', async () => {
    const rig = notifierRig({ maxPerMinute: 6 });
    for (let i = 0; i < 7; i += 1) {
      const id = `s-${i}`;
      rig.hook('02-UserPromptSubmit', id, `%${i + 10}`);
      rig.hook('03-PreToolUse', id, `%${i + 10}`);
      rig.hook('04-PermissionRequest', id, `%${i + 10}`);
    }
    await flush();
    expect(rig.desktop.shown).toHaveLength(6);
    rig.clock.advance(60_000);
    await flush();
    expect(rig.desktop.shown).toHaveLength(7);
  });

  it('approved before the notifier got to it: nothing is shown at all', async () => {
    const rig = notifierRig();
    toWaiting(rig);
    rig.hook('06-PostToolUse');
    await flush();
    expect(rig.desktop.shown).toEqual([]);
  });

  it('approved before the Notify reply came: the notification is closed as soon as it exists', async () => {
    const rig = notifierRig();
    rig.desktop.hold();
    toWaiting(rig);
    await flush(); // the Notify is on its way
    rig.hook('06-PostToolUse');
    await flush();
    expect(rig.desktop.closed).toEqual([]);
    rig.desktop.release();
    await flush();
    await flush();
    expect(rig.desktop.closed).toEqual([rig.desktop.shown[0]?.id]);
  });

  it('a click (default) or Jump switches to the pane; other keys and unknown ids do nothing', async () => {
    const rig = notifierRig();
    toWaiting(rig);
    await flush();
    const id = rig.desktop.shown[0]?.id ?? -1;
    rig.notifier.onAction(id, 'default');
    rig.notifier.onAction(id, 'jump');
    rig.notifier.onAction(id, 'other');
    rig.notifier.onAction(999, 'default');
    expect(rig.jumps).toEqual([
      { pane: '%3', server: null },
      { pane: '%3', server: null },
    ]);
  });

  it('dismissed by the user: nothing to close later', async () => {
    const rig = notifierRig();
    toWaiting(rig);
    await flush();
    rig.notifier.onClosed(rig.desktop.shown[0]?.id ?? -1, 'dismissed');
    rig.hook('06-PostToolUse');
    await flush();
    expect(rig.desktop.closed).toEqual([]);
  });

  it('finished after the minimum work time, when asked for', async () => {
    const rig = notifierRig({ transitions: ['permission', 'finished'], minWorkSeconds: 30 });
    rig.hook('01-SessionStart');
    rig.hook('02-UserPromptSubmit');
    rig.clock.advance(10_000);
    rig.hook('07-Stop');
    await flush();
    expect(rig.desktop.shown).toEqual([]);
    rig.hook('02-UserPromptSubmit');
    rig.clock.advance(45_000);
    rig.hook('07-Stop');
    await flush();
    expect(rig.desktop.shown.map((s) => s.n)).toMatchObject([{ summary: 'project finished', urgency: 'low' }]);
  });

  it('a failing server is one warning, then quiet; the next wait is tried again', async () => {
    const rig = notifierRig({ cooldownSeconds: 0 });
    rig.desktop.fail = new Error('org.freedesktop.DBus.Error.ServiceUnknown');
    toWaiting(rig);
    rig.hook('06-PostToolUse');
    rig.hook('04-PermissionRequest');
    await flush();
    await flush();
    expect(rig.logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    rig.desktop.fail = null;
    rig.hook('06-PostToolUse');
    rig.hook('04-PermissionRequest');
    await flush();
    expect(rig.desktop.shown).toHaveLength(1);
  });

  it('the user command gets the session and the status it came from', async () => {
    const rig = notifierRig();
    toWaiting(rig);
    await flush();
    expect(rig.commands.map(([s, p]) => [s.status, s.waitingFor, p?.status])).toEqual([
      ['waiting', 'permission', 'working'],
    ]);
  });

  it('shutdown closes what is still open', async () => {
    const rig = notifierRig();
    toWaiting(rig);
    await flush();
    await rig.notifier.close();
    expect(rig.desktop.closed).toEqual([rig.desktop.shown[0]?.id]);
  });
});
