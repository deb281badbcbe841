import { describe, expect, it } from 'vitest';
import { toActivatedFd } from '../../../src/daemon/socket-listener.js';

describe('the socket systemd passed that atmd adopts', () => {
  it.each([
    [{ LISTEN_FDS: '1' }, 3],
    [{ LISTEN_FDS: '1', LISTEN_FDNAMES: 'atm' }, 3],
    [{ LISTEN_FDS: '1', LISTEN_FDNAMES: 'unknown' }, 3],
    [{ LISTEN_FDS: '2', LISTEN_FDNAMES: 'other:atm' }, 4],
    [{ LISTEN_FDS: '3', LISTEN_FDNAMES: 'a:b:atm' }, 5],
  ])('%j: fd %i', (env, fd) => {
    expect(toActivatedFd(env)).toBe(fd);
  });

  it('refuses several sockets none of which is named atm, and says how to fix it', () => {
    expect(() => toActivatedFd({ LISTEN_FDS: '2', LISTEN_FDNAMES: 'a:b' })).toThrow(
      expect.objectContaining({
        message: 'systemd passed 2 sockets and none is named atm',
        hint: expect.stringContaining('FileDescriptorName=atm'),
      }),
    );
  });
});
