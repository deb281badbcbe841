import { describe, expect, it } from 'vitest';
import type { PaneId } from '../../../src/domain/ids.js';
import { createExecFileTmux } from '../../../src/integrations/tmux/exec-file-tmux.js';
import { AtmError } from '../../../src/shared/errors.js';
import { attachClient, hasTmux, startTmuxServer, until, type TmuxServer } from './tmux-server.js';

const ODD_SESSION = `my "work" it's ü ✓ 日本`;
const ODD_WINDOW = `win 'one' "two" 🚀`;

/** Two sessions: `first` (window `main`, two windows) and ODD_SESSION (one window with two panes). */
function buildLayout(server: TmuxServer): { hidden: PaneId; odd: PaneId } {
  server.tmux('new-window', '-d', '-t', '=first', '-n', 'second', 'cat');
  const odd = server.tmux('new-session', '-d', '-P', '-F', '#{pane_id}', '-s', ODD_SESSION, '-n', ODD_WINDOW, 'cat');
  // -d keeps the new pane inactive: it is the jump target that is neither active nor in the active window.
  server.tmux('split-window', '-d', '-t', odd, 'cat');
  const hidden = server.tmux('split-window', '-d', '-P', '-F', '#{pane_id}', '-t', '=first:second', 'cat');
  return { hidden: hidden as PaneId, odd: odd as PaneId };
}

const flags = (server: TmuxServer, pane: string): string =>
  server.tmux('display-message', '-p', '-t', pane, '#{pane_active} #{window_active}');

describe.skipIf(!hasTmux)('createExecFileTmux on a real private server', () => {
  it('lists every pane with its session and window, odd names intact', async () => {
    await using server = startTmuxServer({ name: 'first', window: 'main' });
    const { hidden, odd } = buildLayout(server);
    const tmux = createExecFileTmux({ serverName: server.name, timeoutMs: 5_000 });
    const panes = await tmux.listPanes();

    const ids = server.tmux('list-panes', '-a', '-F', '#{pane_id}').split('\n');
    expect(panes.map((pane) => pane.paneId).sort()).toEqual([...ids].sort());
    expect(panes.find((pane) => pane.paneId === odd)).toMatchObject({
      sessionName: ODD_SESSION,
      windowName: ODD_WINDOW,
      windowIndex: 0,
      paneIndex: 0,
      paneActive: true,
      sessionAttached: false,
      clientTty: null,
    });
    const target = panes.find((pane) => pane.paneId === hidden);
    expect(target).toMatchObject({
      sessionName: 'first',
      windowName: 'second',
      windowIndex: 1,
      paneActive: false,
      windowActive: false,
    });
    expect(String(target?.panePid)).toBe(server.tmux('display-message', '-p', '-t', hidden, '#{pane_pid}'));
  });

  it('keeps Unicode names without a UTF-8 locale', async () => {
    await using server = startTmuxServer({ name: ODD_SESSION, window: ODD_WINDOW });
    const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_CTYPE: process.env.LC_CTYPE };
    process.env.LC_ALL = 'C';
    try {
      const [pane] = await createExecFileTmux({ serverName: server.name, timeoutMs: 5_000 }).listPanes();
      expect(pane).toMatchObject({ sessionName: ODD_SESSION, windowName: ODD_WINDOW });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('jumps without a client: the pane becomes active in the current window', async () => {
    await using server = startTmuxServer({ name: 'first', window: 'main' });
    const { hidden } = buildLayout(server);
    expect(flags(server, hidden)).toBe('0 0');
    await createExecFileTmux({ serverName: server.name, timeoutMs: 5_000 }).jumpTo(hidden);
    expect(flags(server, hidden)).toBe('1 1');
  });

  it('switches an attached client to the pane’s session and reports the client’s tty', async () => {
    await using server = startTmuxServer({ name: 'first', window: 'main' });
    const { hidden, odd } = buildLayout(server);
    await using _client = attachClient(server, 'first');
    await until(() => server.tmux('list-clients', '-F', '#{client_tty}') !== '');
    const tmux = createExecFileTmux({ serverName: server.name, timeoutMs: 5_000 });
    const tty = server.tmux('list-clients', '-F', '#{client_tty}');
    expect((await tmux.listPanes()).filter((pane) => pane.clientTty === tty).map((pane) => pane.sessionName)).toEqual([
      'first',
      'first',
      'first',
    ]);

    await tmux.jumpTo(odd);
    expect(server.tmux('list-clients', '-F', '#{client_session}')).toBe(ODD_SESSION);
    expect(server.tmux('display-message', '-c', tty, '-p', '#{pane_id}')).toBe(odd);

    await tmux.jumpTo(hidden, { clientTty: tty });
    expect(server.tmux('list-clients', '-F', '#{client_session}')).toBe('first');
    expect(server.tmux('display-message', '-c', tty, '-p', '#{pane_id}')).toBe(hidden);
    await expect(tmux.jumpTo(odd, { clientTty: '-t' })).rejects.toMatchObject({ code: 'tmux-failed' });
  });

  it('says a pane that no longer exists is not found', async () => {
    await using server = startTmuxServer({ name: 'first', window: 'main' });
    const { hidden } = buildLayout(server);
    server.tmux('kill-pane', '-t', hidden);
    const error: unknown = await createExecFileTmux({ serverName: server.name, timeoutMs: 5_000 })
      .jumpTo(hidden)
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AtmError);
    expect(error).toMatchObject({ code: 'not-found', message: `tmux pane ${hidden} no longer exists` });
  });

  it('refuses a pane id that is not %<digits> before running tmux', async () => {
    await using server = startTmuxServer({ name: 'first', window: 'main' });
    const tmux = createExecFileTmux({ serverName: server.name, timeoutMs: 5_000 });
    await expect(tmux.jumpTo('%0 ; kill-server' as PaneId)).rejects.toMatchObject({ code: 'tmux-failed' });
    await expect(tmux.jumpTo(';' as PaneId)).rejects.toMatchObject({ code: 'tmux-failed' });
    expect(await tmux.isAvailable()).toBe(true);
  });

  it('answers an absent server with no panes and unavailable', async () => {
    const tmux = createExecFileTmux({ serverName: `atm-test-${process.pid}-absent`, timeoutMs: 5_000 });
    expect(await tmux.isAvailable()).toBe(false);
    expect(await tmux.listPanes()).toEqual([]);
    await expect(tmux.jumpTo('%0' as PaneId)).rejects.toMatchObject({ code: 'tmux-failed' });
  });

  it('gives up on a hung server after timeoutMs with a clear error', async () => {
    await using server = startTmuxServer({ name: 'first', window: 'main' });
    const pid = Number(server.tmux('display-message', '-p', '#{pid}'));
    const tmux = createExecFileTmux({ serverName: server.name, timeoutMs: 300 });
    process.kill(pid, 'SIGSTOP');
    try {
      await expect(tmux.listPanes()).rejects.toThrow(/tmux list-panes did not answer within 300 ms/);
      expect(await tmux.isAvailable()).toBe(false);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });
});
