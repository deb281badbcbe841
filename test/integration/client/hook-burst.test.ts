import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { runCli } from '../../helpers/run-cli.js';

/**
 * Issue 10, defect 1: `atm hook` (the Node fallback for hosts without nc or socat) must not drop
 * reports when Claude Code fires many hooks at once. Real atmd, real `atm hook` processes, all
 * started together as Claude Code starts parallel async hooks; every one of them must arrive.
 */
describe('a burst of concurrent atm hook processes', () => {
  it('40 at once lose nothing', async () => {
    await using daemon = await startDaemon();
    const ids = Array.from({ length: 40 }, (_, n) => sessionId(`burst${n}`));
    const runs = await Promise.all(
      ids.map((id, n) =>
        runCli(['hook'], {
          env: { ...daemon.env, TMUX_PANE: `%${n}` },
          stdin: JSON.stringify(hook(id, 'PreToolUse', { tool_name: 'Read', tool_input: { file_path: `f${n}` } })),
          timeoutMs: 60_000,
        }),
      ),
    );
    for (const run of runs) expect(run).toMatchObject({ code: 0, signal: null, stdout: '', stderr: '' });
    const listed = (await listSessions(daemon.socketPath)).map((session) => session.id);
    expect(listed.sort()).toEqual([...ids].sort());
  });
});
