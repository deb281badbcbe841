import { describe, expect, it } from 'vitest';
import { installService, uninstallService, type InstallPorts } from '../../../src/cli/commands/service-install.js';
import { findUnstableLocation } from '../../../src/cli/service-location.js';
import type { ServiceManager, ServiceState } from '../../../src/integrations/service-manager.js';

/** A service manager that records what it was asked, and a file system in a Map. */
class FakeManager implements ServiceManager {
  readonly label = 'fake units';
  readonly calls: string[] = [];
  reason: string | null = null;
  active = false;
  readonly enableCommands = ['fake enable'];
  unavailable = () => Promise.resolve(this.reason);
  files = () => [
    { path: '/units/a', text: 'A\n' },
    { path: '/units/b', text: 'B\n' },
  ];
  enable = (changed: boolean) => {
    this.calls.push(changed ? 'reload+enable' : 'enable');
    this.active = true;
    return Promise.resolve();
  };
  disable = () => (this.calls.push('disable'), Promise.resolve());
  forget = () => (this.calls.push('forget'), Promise.resolve());
  start = () => Promise.resolve();
  stop = () => Promise.resolve();
  restart = () => Promise.resolve();
  state = (): Promise<ServiceState> =>
    Promise.resolve({ installed: true, enabled: this.active, active: this.active, mainPid: null, lines: [] });
}

function makePorts(overrides: Partial<InstallPorts> = {}) {
  const manager = new FakeManager();
  const disk = new Map<string, string>();
  const printed: string[] = [];
  const stopped: number[] = [];
  const ports: InstallPorts = {
    manager,
    execStart: ['/usr/bin/node', '/usr/lib/atm/dist/daemon/main.js'],
    tempDirs: ['/tmp'],
    socketPath: '/run/user/1/atm.sock',
    logDir: '/home/me/.local/state/atm/log',
    readFile: (path) => Promise.resolve(disk.get(path) ?? null),
    writeFile: (path, text) => (disk.set(path, text), Promise.resolve()),
    selfStartedAtmd: () => Promise.resolve(null),
    stopProcess: (pid) => (stopped.push(pid), Promise.resolve(true)),
    print: (line) => printed.push(line),
    ...overrides,
  };
  return { ports, manager, disk, printed, stopped };
}

describe('atm service install (against fakes of its ports)', () => {
  it('--dry-run shows the files and commands and changes nothing', async () => {
    const { ports, manager, disk, printed } = makePorts();
    expect(await installService(ports, { dryRun: true })).toBe(0);
    expect(printed).toEqual([
      'would write /units/a:',
      '    A',
      'would write /units/b:',
      '    B',
      'would run: fake enable',
    ]);
    expect(disk.size).toBe(0);
    expect(manager.calls).toEqual([]);
  });

  it('writes and enables once; the second run writes nothing and reloads nothing', async () => {
    const { ports, manager, disk, printed } = makePorts();
    expect(await installService(ports, { dryRun: false })).toBe(0);
    expect([...disk.keys()]).toEqual(['/units/a', '/units/b']);
    printed.length = 0;
    expect(await installService(ports, { dryRun: false })).toBe(0);
    expect(printed.slice(0, 2)).toEqual(['unchanged /units/a', 'unchanged /units/b']);
    expect(manager.calls).toEqual(['reload+enable', 'enable']);
  });

  it('hands over from a self-started atmd before enabling, and stops if it will not go', async () => {
    const handed = makePorts({ selfStartedAtmd: () => Promise.resolve(4242) });
    await installService(handed.ports, { dryRun: false });
    expect(handed.stopped).toEqual([4242]);
    expect(handed.printed).toContain('handed over: atmd (pid 4242, started by atm) saved its sessions and stopped');

    const stuck = makePorts({ selfStartedAtmd: () => Promise.resolve(7), stopProcess: () => Promise.resolve(false) });
    await expect(installService(stuck.ports, { dryRun: false })).rejects.toMatchObject({
      message: 'atmd (pid 7), started by atm, did not stop to hand over',
      hint: 'stop it (kill 7), then run `atm service install` again',
    });
    expect(stuck.manager.calls).toEqual([]);
  });

  it('refuses a node or atmd in a temporary or npx cache directory, saying why and what to do', async () => {
    const { ports, disk } = makePorts({ execStart: ['/usr/bin/node', '/tmp/clone/dist/daemon/main.js'] });
    await expect(installService(ports, { dryRun: false })).rejects.toMatchObject({
      message:
        'will not install a service that runs /tmp/clone/dist/daemon/main.js: it is in the temporary directory /tmp',
      hint: expect.stringContaining('npm install -g'),
    });
    expect(disk.size).toBe(0);
  });

  it('where no service manager runs, says so and what works instead', async () => {
    const { ports, manager, disk } = makePorts();
    manager.reason = 'no systemd user manager answers here';
    await expect(installService(ports, { dryRun: false })).rejects.toMatchObject({
      message: 'cannot install the fake units: no systemd user manager answers here',
      hint: expect.stringContaining('atm starts atmd by itself when needed'),
    });
    expect(disk.size).toBe(0);
  });

  it('uninstall disables, removes, forgets, and keeps the state', async () => {
    const { ports, manager, disk, printed } = makePorts();
    await installService(ports, { dryRun: false });
    printed.length = 0;
    const removeFile = (path: string) => Promise.resolve(disk.delete(path));
    expect(await uninstallService({ ...ports, removeFile, keptStateDir: '/state' })).toBe(0);
    expect(disk.size).toBe(0);
    expect(manager.calls.slice(-2)).toEqual(['disable', 'forget']);
    expect(printed.at(-1)).toContain('kept the saved sessions and the config (/state)');
  });
});

describe('where a service may run atmd from', () => {
  it.each([
    [['/usr/bin/node', '/usr/lib/node_modules/agent-tmux-monitor/dist/daemon/main.js'], null],
    [
      ['/usr/bin/node', '/home/me/.npm/_npx/1a2b/node_modules/agent-tmux-monitor/dist/daemon/main.js'],
      "is in npx's cache, which npm clears",
    ],
    [['/tmp/node-v22/bin/node', '/usr/lib/atm/main.js'], 'is in the temporary directory /tmp'],
    [['/usr/bin/node', '/tmpfoo/main.js'], null],
  ])('%j', (files, why) => {
    expect(findUnstableLocation(files, ['/tmp'])?.why ?? null).toBe(why);
  });
});
