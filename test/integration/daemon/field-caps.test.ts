import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';

/** Issue 10, defect 11: each field from a payload is held to a size, whatever the payload says. */
describe('per-field limits at ingest', () => {
  it('an 800 KB cwd is not kept, a huge tool summary and tool name are cut, the report still counts', async () => {
    await using daemon = await startDaemon();
    const id = sessionId('caps');
    await sendOneShot(
      daemon.socketPath,
      {},
      hook(id, 'PreToolUse', {
        cwd: `/${'d'.repeat(800_000)}`,
        tool_name: 'T'.repeat(5_000),
        tool_input: { command: 'x'.repeat(100_000) },
      }),
    );
    const session = await waitForSession(daemon.socketPath, id, (s) => s.status === 'working');
    expect(session.cwd).toBeNull();
    const tool = session.tool as { name: string; summary: string | null };
    expect(tool.name.length).toBeLessThanOrEqual(256);
    expect(tool.name.endsWith('…')).toBe(true);
    expect(tool.summary?.length ?? 0).toBeLessThanOrEqual(1_024);
    expect(JSON.stringify(session).length).toBeLessThan(8_000);
  });
});
