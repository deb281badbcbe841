import { describe, expect, it } from 'vitest';
import { hook, sessionId, statusLine } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { listSessions, waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';

// atmd believes a client's clock only within 10 s of its own (issue 10, defect 14): keep the
// whole history near now, a tenth of a second a step.
const T0 = Date.now() - 2_000;
const at = (step: number): number => T0 + step * 100;
const iso = (step: number): string => new Date(at(step)).toISOString();

/** Hooks run as separate processes and race: the client's timestamp, not arrival, orders them. */
describe('out-of-order reports', () => {
  it('an older event does not roll the status back', async () => {
    await using daemon = await startDaemon();
    const id = sessionId('order');
    const send = (ts: number, event: string, fields?: Record<string, unknown>) =>
      sendOneShot(daemon.socketPath, { ts: at(ts), pane: '%9' }, hook(id, event, fields));
    await send(1, 'UserPromptSubmit');
    await send(5, 'Stop');
    // These were sent before the Stop but arrive after it.
    await send(3, 'PreToolUse', { tool_name: 'Bash', tool_input: { command: 'make' } });
    await send(4, 'PermissionRequest', { tool_name: 'Bash' });
    await send(2, 'UserPromptSubmit');
    const [session] = await listSessions(daemon.socketPath);
    expect(session).toMatchObject({
      id,
      status: 'idle',
      waitingFor: null,
      tool: null,
      startedAt: iso(1),
      lastEventAt: iso(5),
    });

    // A newer event still applies.
    await send(6, 'PreToolUse', { tool_name: 'Edit', tool_input: { file_path: 'src/a.ts' } });
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'working' && s.lastEventAt === iso(6));
  });

  it('an older status line does not roll the metrics back, and never touches the status', async () => {
    await using daemon = await startDaemon();
    const id = sessionId('metrics');
    const status = (ts: number, usedPercent: number, costUsd: number) =>
      sendOneShot(daemon.socketPath, { kind: 'status', ts: at(ts) }, statusLine(id, { usedPercent, costUsd }));
    await sendOneShot(daemon.socketPath, { ts: at(1) }, hook(id, 'UserPromptSubmit'));
    expect(await status(10, 40, 1)).toBe('Sonnet 4.5 · ctx 40% · $1.00\n');
    // Older: the answer shows what the session knows, the newer numbers.
    expect(await status(5, 20, 0.5)).toBe('Sonnet 4.5 · ctx 40% · $1.00\n');
    await sendOneShot(daemon.socketPath, { ts: at(11) }, hook(id, 'Stop'));
    expect(await status(12, 45, 1.2)).toBe('Sonnet 4.5 · ctx 45% · $1.20\n');
    const [session] = await listSessions(daemon.socketPath);
    expect(session).toMatchObject({
      status: 'idle',
      context: { usedPercent: 45 },
      cost: { totalUsd: 1.2 },
      lastEventAt: iso(12),
    });
  });

  it('SessionEnd removes the session', async () => {
    await using daemon = await startDaemon();
    const id = sessionId('end');
    await sendOneShot(daemon.socketPath, { ts: at(1) }, hook(id, 'UserPromptSubmit'));
    await sendOneShot(daemon.socketPath, { ts: at(3) }, hook(id, 'SessionEnd'));
    expect(await listSessions(daemon.socketPath)).toEqual([]);
  });
});
