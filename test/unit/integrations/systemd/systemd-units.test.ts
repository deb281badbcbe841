import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  renderServiceUnit,
  renderSocketUnit,
  SOCKET_FD_NAME,
  toSystemdWord,
} from '../../../../src/integrations/systemd/systemd-units.js';
import { REPO_ROOT } from '../../../helpers/built.js';

const shipped = (name: string): string => readFileSync(join(REPO_ROOT, 'systemd', name), 'utf8');
const directives = (unit: string): string[] => unit.split('\n').filter((line) => /^[A-Za-z]+=/.test(line));

describe('the shipped systemd units', () => {
  it('are exactly the renderings for a package (ExecStart=/usr/bin/atmd)', () => {
    expect(shipped('atm.socket')).toBe(renderSocketUnit());
    expect(shipped('atm.service')).toBe(renderServiceUnit());
  });

  it('the socket is private, named for atmd, and enabled by sockets.target', () => {
    expect(directives(renderSocketUnit())).toEqual([
      'Description=atm daemon socket (Agent Tmux Monitor)',
      'ListenStream=%t/atm.sock',
      'SocketMode=0600',
      'DirectoryMode=0700',
      `FileDescriptorName=${SOCKET_FD_NAME}`,
      'RemoveOnStop=yes',
      'WantedBy=sockets.target',
    ]);
  });

  it('the service needs the socket, restarts on failure, and leaves out MemoryDenyWriteExecute', () => {
    const unit = directives(renderServiceUnit());
    expect(unit).toEqual(
      expect.arrayContaining([
        'Requires=atm.socket',
        'After=atm.socket',
        'Type=exec',
        'ExecStart=/usr/bin/atmd',
        'Restart=on-failure',
        'StandardError=journal',
        'NoNewPrivileges=yes',
        'LockPersonality=yes',
        'RestrictNamespaces=yes',
        'SystemCallArchitectures=native',
      ]),
    );
    expect(unit.some((line) => line.startsWith('MemoryDenyWriteExecute='))).toBe(false);
  });
});

describe('rendering for one installation', () => {
  it('names node and atmd by absolute path in ExecStart', () => {
    const unit = renderServiceUnit({
      execStart: ['/opt/node 22/bin/node', '/home/me/.npm-global/lib/atm/dist/daemon/main.js'],
    });
    expect(directives(unit)).toContain(
      'ExecStart="/opt/node 22/bin/node" /home/me/.npm-global/lib/atm/dist/daemon/main.js',
    );
  });

  it('a socket outside $XDG_RUNTIME_DIR is a literal path', () => {
    expect(directives(renderSocketUnit({ listenPath: '/run/me/100%/atm.sock' }))).toContain(
      'ListenStream=/run/me/100%%/atm.sock',
    );
  });

  it.each([
    ['/usr/bin/node', '/usr/bin/node'],
    ['/a b/node', '"/a b/node"'],
    ['/100%/x', '/100%%/x'],
    ['/$HOME/x', '/$$HOME/x'],
    ['/q"uo\\te', '"/q\\"uo\\\\te"'],
  ])('ExecStart word %s is %s', (word, expected) => {
    expect(toSystemdWord(word)).toBe(expected);
  });
});
