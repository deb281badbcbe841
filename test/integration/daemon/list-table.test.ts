import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { runCli } from '../../helpers/run-cli.js';

describe('atm list (the table) against a real atmd', () => {
  it('prints a header and one whole row per session when piped', async () => {
    await using daemon = await startDaemon();
    await using agent = spawnAgent();
    const id = sessionId('table');
    await sendOneShot(daemon.socketPath, { agentPid: agent.pid, pane: '%7' }, hook(id, 'PermissionRequest'));
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'waiting');

    const result = await runCli(['list'], { env: daemon.env });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^STATUS +PROJECT +MODEL +CTX +COST +ACTIVITY +PANE$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^waiting:permission +shop-frontend +- +- +- +Bash \d+s +%7$/),
    ]);
  });

  it('exits 3 with a hint when no daemon answers', async () => {
    await using daemon = await startDaemon();
    await daemon.stop();
    const result = await runCli(['list'], { env: daemon.env });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^atm: cannot reach atmd at .*\n {2}hint: start it with `atm daemon start`/);
  });
});
