import { describe, expect, it } from 'vitest';
import { spawnAgents } from '../../helpers/agent-process.js';
import { hook, sessionId, statusLine } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { readDaemonLog } from '../../helpers/daemon-log.js';
import { listSessions, type WireSession } from '../../helpers/daemon-probes.js';
import { sendOneShot, type EnvelopeFields } from '../../helpers/one-shot-client.js';
import { runCli } from '../../helpers/run-cli.js';

type Report = { kind: 'hook' | 'status'; payload: Record<string, unknown> };

/**
 * `length` reports of one session (more when the subagent steps need them), in the order its
 * hooks would fire. The final state depends on `n`:
 * `n % 4` subagents still running, and idle / waiting for permission / working by `n % 3`.
 */
function script(id: string, n: number, length = 20): Report[] {
  const h = (event: string, fields?: Record<string, unknown>): Report => ({
    kind: 'hook',
    payload: hook(id, event, fields),
  });
  const stops = 3 - (n % 4);
  const head: Report[] = [
    h('SessionStart'),
    h('UserPromptSubmit'),
    { kind: 'status', payload: statusLine(id, { costUsd: n / 100, usedPercent: n }) },
    h('SubagentStart'),
    h('SubagentStart'),
    h('SubagentStart'),
    ...Array.from({ length: stops }, () => h('SubagentStop')),
  ];
  const filler = Array.from({ length: length - 1 - head.length }, (_, i) =>
    i % 2 === 0
      ? h('PreToolUse', { tool_name: 'Read', tool_input: { file_path: `f${i}` } })
      : h('PostToolUse', { tool_name: 'Read' }),
  );
  const last = [
    h('Stop'),
    h('PermissionRequest', { tool_name: 'Bash', tool_input: { command: 'ls' } }),
    h('PreToolUse', { tool_name: 'Final' }),
  ][n % 3];
  return [...head, ...filler, last as Report];
}

function expectedState(n: number): Record<string, unknown> {
  const status = [
    { status: 'idle', waitingFor: null, tool: null },
    { status: 'waiting', waitingFor: 'permission', tool: { name: 'Bash', summary: 'ls' } },
    { status: 'working', waitingFor: null, tool: { name: 'Final' } },
  ][n % 3];
  return { ...status, subagents: n % 4, cost: { totalUsd: n / 100 }, context: { usedPercent: n } };
}

describe('many hook clients at once', () => {
  it('50 concurrent clients x 20 one-shot reports each lose nothing', async () => {
    await using daemon = await startDaemon();
    const CLIENTS = 50;
    const ids = Array.from({ length: CLIENTS }, (_, n) => sessionId(`c${n}`));
    const base = Date.now();
    await Promise.all(
      ids.map(async (id, n) => {
        const reports = script(id, n);
        expect(reports).toHaveLength(20);
        for (const [k, report] of reports.entries()) {
          const envelope: EnvelopeFields = { kind: report.kind, ts: base + k, pane: `%${n}` };
          const reply = await sendOneShot(daemon.socketPath, envelope, report.payload, { timeoutMs: 20_000 });
          expect(reply).toBe(report.kind === 'status' ? `Sonnet 4.5 · ctx ${n}% · $${(n / 100).toFixed(2)}\n` : '');
        }
      }),
    );
    const sessions = await listSessions(daemon.socketPath);
    expect(sessions).toHaveLength(CLIENTS);
    for (const [n, id] of ids.entries()) {
      const session = sessions.find((s) => s.id === id);
      expect(session, `session ${n}`).toMatchObject({
        ...expectedState(n),
        tmux: { pane: `%${n}` },
        lastEventAt: new Date(base + 19).toISOString(),
      });
    }
    expect(readDaemonLog(daemon.stateDir).filter((r) => r.level === 'error' || r.level === 'warn')).toEqual([]);
  });

  it('concurrent atm hook / atm statusline processes lose nothing', async () => {
    await using daemon = await startDaemon();
    const CLIENTS = 4;
    const LENGTH = 10;
    await using agents = spawnAgents(CLIENTS);
    const ids = agents.map((_, n) => sessionId(`p${n}`));
    await Promise.all(
      ids.map(async (id, n) => {
        const env = { ...daemon.env, ATM_AGENT_PID: String(agents[n]?.pid), TMUX_PANE: `%${20 + n}` };
        for (const report of script(id, n, LENGTH)) {
          const result = await runCli([report.kind === 'hook' ? 'hook' : 'statusline'], {
            env,
            stdin: JSON.stringify(report.payload),
          });
          expect(result.code).toBe(0);
          expect(result.stdout).toBe(
            report.kind === 'hook' ? '' : `Sonnet 4.5 · ctx ${n}% · $${(n / 100).toFixed(2)}\n`,
          );
        }
      }),
    );
    const listed = await runCli(['list', '--json'], { env: daemon.env });
    expect(listed.code).toBe(0);
    const sessions = JSON.parse(listed.stdout) as WireSession[];
    expect(sessions.map((s) => s.id).sort()).toEqual([...ids].sort());
    for (const [n, id] of ids.entries()) {
      expect(
        sessions.find((s) => s.id === id),
        `session ${n}`,
      ).toMatchObject({ ...expectedState(n), pid: agents[n]?.pid, tmux: { pane: `%${20 + n}` } });
    }
  });
});
