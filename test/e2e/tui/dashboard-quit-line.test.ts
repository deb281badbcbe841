import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATM_BIN } from '../../helpers/built.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { hasTmux, startInTmux } from './tmux-pane.js';

/**
 * On quit the dashboard says, once, that atmd keeps running and how to stop it. The shell stays
 * after `atm` exits, as a user's does: tmux 3.3 drops what a program printed after leaving the
 * alternate screen once its pane is dead, so a dead pane would hide the line.
 */
describe.skipIf(!hasTmux)('quitting the dashboard', () => {
  it('says that atmd keeps running, and how to stop it', { timeout: 60_000 }, async () => {
    await using daemon = await startDaemon();
    await using dir = makeTempDir('atm-quit-');
    const env = ['HOME', 'XDG_RUNTIME_DIR', 'XDG_STATE_HOME', 'XDG_CONFIG_HOME'].map(
      (k) => `${k}=${daemon.env[k] ?? ''}`,
    );
    const script = '"$@"; echo "atm exited $?"; exec sleep 600';
    const command = ['env', '-u', 'ATM_SOCKET', ...env, 'sh', '-c', script, 'sh', process.execPath, ATM_BIN];
    await using pane = startInTmux(command, { width: 140, height: 30 }, join(dir.path, 'status'));
    await pollUntil(() => pane.capture().includes('● connected'), { what: 'the dashboard', timeoutMs: 20_000 });
    pane.sendKeys('q');
    await pollUntil(() => pane.capture().includes('atm exited 0'), { what: 'atm to exit 0', timeoutMs: 20_000 });
    const lines = pane.capture().split('\n');
    const said = lines.filter((line) => line.includes('atmd keeps running'));
    expect(said).toEqual([
      `atmd keeps running (${daemon.socketPath}), so sessions keep reporting; stop it with \`atm daemon stop\`.`,
    ]);
  });
});
