import { describe, expect, it } from 'vitest';
import { resolveSessionBusAddress } from '../../../../src/integrations/dbus/bus-address.js';

describe('resolveSessionBusAddress', () => {
  it.each([
    ['a unix path', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' }, 'unix:socket=/run/user/1000/bus'],
    [
      'the first usable of a list',
      { DBUS_SESSION_BUS_ADDRESS: 'launchd:env=X;unix:path=/tmp/b' },
      'unix:socket=/tmp/b',
    ],
    ['%-escapes', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/a%20b' }, 'unix:socket=/tmp/a b'],
    ['tcp as given', { DBUS_SESSION_BUS_ADDRESS: 'tcp:host=localhost,port=1' }, 'tcp:host=localhost,port=1'],
    ['no address: $XDG_RUNTIME_DIR/bus', { XDG_RUNTIME_DIR: '/run/user/7/' }, 'unix:socket=/run/user/7/bus'],
  ])('%s', (_name, env, address) => {
    expect(resolveSessionBusAddress(env)).toEqual({ ok: true, address });
  });

  it('an abstract-only address falls back to $XDG_RUNTIME_DIR/bus and says why', () => {
    const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:abstract=/tmp/dbus-x,guid=ab', XDG_RUNTIME_DIR: '/run/user/7' };
    expect(resolveSessionBusAddress(env)).toEqual({
      ok: true,
      address: 'unix:socket=/run/user/7/bus',
      note: 'DBUS_SESSION_BUS_ADDRESS: "unix:abstract=/tmp/dbus-x,guid=ab" is an abstract socket, which Node cannot connect to; trying /run/user/7/bus instead',
    });
  });

  it.each([
    ['an abstract socket and no runtime dir', { DBUS_SESSION_BUS_ADDRESS: 'unix:abstract=/x' }, 'abstract socket'],
    ['nothing set', {}, 'neither DBUS_SESSION_BUS_ADDRESS nor XDG_RUNTIME_DIR is set'],
    ['an unknown transport', { DBUS_SESSION_BUS_ADDRESS: 'launchd:env=X' }, 'unsupported bus transport "launchd"'],
    ['a path dbus-next would cut', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/a%2Cb' }, 'holds , = or ;'],
  ])('refuses %s with a reason', (_name, env, reason) => {
    const resolved = resolveSessionBusAddress(env);
    expect(resolved.ok).toBe(false);
    expect(resolved.ok ? '' : resolved.reason).toContain(reason);
  });
});
