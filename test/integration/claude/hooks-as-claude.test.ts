import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain/session.js';
import { FALLBACK_STATUS_LINE } from '../../../src/integrations/claude/shim/shim-script.js';
import { spawnAgent } from '../../helpers/agent-process.js';
import { sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { pollFor } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { capturedPayload, PRE_TOOL_USE, STATUS_LINE, STOP } from './captured-payloads.js';
import {
  atmHandler,
  BASE_TOOLS,
  makeToolsDir,
  runExecForm,
  runShellForm,
  statusLineCommand,
  type RawResult,
} from './run-as-claude.js';

/** Each transport, offered alone on PATH (symlinks in a private bin dir), so `atm setup` must pick it. */
const TRANSPORTS = [
  { kind: 'nc', tools: ['nc'] },
  { kind: 'socat', tools: ['socat'] },
  { kind: 'node', tools: [] },
] as const;

/** The line atmd renders for statusline-02.json (Opus 5.5, 0 % of 1M context, $0.00574). */
const RENDERED_LINE = 'Opus 5.5 · ctx 0% · $0.01\n';

async function listSessions(env: NodeJS.ProcessEnv): Promise<Session[]> {
  const result = await runCli(['list', '--json'], { env });
  if (result.code !== 0) throw new Error(`atm list failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Session[];
}

const waitForSession = (
  env: NodeJS.ProcessEnv,
  id: string,
  match: (session: Session) => boolean,
  what: string,
): Promise<Session> =>
  pollFor(async () => (await listSessions(env)).find((session) => session.id === id && match(session)), { what });

/** A hook's contract: exit 0, print nothing, on stdout or stderr. */
function expectSilentSuccess(result: RawResult): void {
  expect(result.signal).toBeNull();
  expect(result.code).toBe(0);
  expect(result.stdout.toString()).toBe('');
  expect(result.stderr.toString()).toBe('');
}

describe.each(TRANSPORTS)('the commands atm setup installs, with $kind as the transport', ({ kind, tools }) => {
  it('reach a real atmd when run exactly as Claude Code runs them, and stay quiet when it is gone', async (ctx) => {
    await using daemon = await startDaemon();
    await using agent = spawnAgent();
    const bin = await makeToolsDir(daemon.dir, [...BASE_TOOLS, ...tools]);
    if (bin === null) return ctx.skip(`${[...BASE_TOOLS, ...tools].join(', ')} must be installed`);
    const env = { ...daemon.env, PATH: bin };
    const setup = await runCli(['setup'], { env });
    expect(setup.code).toBe(0);
    expect(setup.stdout).toMatch(new RegExp(`^ {2}transport {4}${kind}\\b`, 'm'));
    const check = await runCli(['setup', '--check'], { env });
    expect(check.stdout).toMatch(new RegExp(`^ {2}transport {4}${kind}\\b.*; best here now: ${kind}\\b`, 'm'));

    const settingsPath = join(daemon.dir, 'home', '.claude', 'settings.json');
    // What Claude Code 2.1.331 puts in a hook's environment that atm reads (test/fixtures/claude/2.1.331).
    const claudeEnv = { ...env, CLAUDE_PID: String(agent.pid), TMUX_PANE: '%7', TMUX: '/tmp/tmux-1000/default,4242,0' };
    const id = sessionId(kind);

    // Exec form: command + args, no shell.
    expectSilentSuccess(
      await runExecForm(atmHandler(settingsPath, 'PreToolUse'), capturedPayload(PRE_TOOL_USE, id), claudeEnv),
    );
    const working = await waitForSession(daemon.env, id, (s) => s.status === 'working', `${id} working`);
    expect(working).toMatchObject({
      tool: { name: 'Bash', summary: 'touch atm-e2e-marker.txt' },
      pid: agent.pid,
      tmux: { pane: '%7' },
    });

    // Shell form, as a Claude Code that ignores `args` runs it: the shim defaults to `hook`.
    const shellEnv = { ...env, ATM_AGENT_PID: String(agent.pid) };
    expectSilentSuccess(
      await runShellForm(atmHandler(settingsPath, 'Stop').command, capturedPayload(STOP, id), shellEnv),
    );
    await waitForSession(daemon.env, id, (s) => s.status === 'idle', `${id} idle`);

    // The status line (always shell form): atmd renders it, the shim prints it.
    const status = await runShellForm(statusLineCommand(settingsPath), capturedPayload(STATUS_LINE, id), claudeEnv);
    expect(status.stdout.toString()).toBe(RENDERED_LINE);
    expect(status.code).toBe(0);
    expect((await listSessions(daemon.env)).find((s) => s.id === id)?.model?.displayName).toBe('Opus 5.5');

    // Garbage in: atmd drops it, the hook still prints nothing and exits 0.
    expectSilentSuccess(await runExecForm(atmHandler(settingsPath, 'PreToolUse'), '{"session_id": nope', claudeEnv));
    expectSilentSuccess(await runExecForm(atmHandler(settingsPath, 'PreToolUse'), '', claudeEnv));

    // No daemon: the hooks stay silent and succeed; the status line says so (node renders from the payload).
    await daemon.stop();
    expectSilentSuccess(
      await runExecForm(atmHandler(settingsPath, 'PostToolUse'), capturedPayload(PRE_TOOL_USE, id), claudeEnv),
    );
    expectSilentSuccess(await runShellForm(atmHandler(settingsPath, 'Stop').command, 'garbage', shellEnv));
    const offline = await runShellForm(statusLineCommand(settingsPath), capturedPayload(STATUS_LINE, id), claudeEnv);
    expect(offline.code).toBe(0);
    expect(offline.stderr.toString()).toBe('');
    expect(offline.stdout.toString()).toBe(kind === 'node' ? RENDERED_LINE : `${FALLBACK_STATUS_LINE}\n`);
    const garbage = await runShellForm(statusLineCommand(settingsPath), 'not json at all', claudeEnv);
    expect(garbage.code).toBe(0);
    expect(garbage.stderr.toString()).toBe('');
  });
});
