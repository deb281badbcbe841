import { describe, expect, it } from 'vitest';
import { spawnAgent, type FakeAgent } from '../../helpers/agent-process.js';
import { hook, sessionId, statusLine } from '../../helpers/claude-payloads.js';
import { startDaemon, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { runCli } from '../../helpers/run-cli.js';

/** One step of a replay: a hook event, or a statusLine report and the line atm should print. */
type Step =
  { hook: string; fields?: Record<string, unknown> } | { status: Parameters<typeof statusLine>[1]; prints: string };

interface Script {
  readonly label: string;
  readonly pane: string;
  readonly cwd: string;
  readonly steps: readonly Step[];
  /** What `atm list --json` must show at the end; null: the session is gone. */
  readonly expected: Record<string, unknown> | null;
}

const tool = (name: string, input: Record<string, unknown>) => ({ tool_name: name, tool_input: input });

const SCRIPTS: readonly Script[] = [
  {
    label: 'frontend',
    pane: '%1',
    cwd: '/home/alex/code/shop-frontend',
    steps: [
      { hook: 'SessionStart', fields: { model: 'claude-sonnet-4-5' } },
      { status: { usedPercent: 4, costUsd: 0 }, prints: 'Sonnet 4.5 · ctx 4% · $0.00' },
      { hook: 'UserPromptSubmit' },
      { hook: 'PreToolUse', fields: tool('Bash', { command: 'rm -rf dist' }) },
      { hook: 'PermissionRequest', fields: tool('Bash', { command: 'rm -rf dist' }) },
      { status: { usedPercent: 31, costUsd: 0.1873 }, prints: 'Sonnet 4.5 · ctx 31% · $0.19' },
      {
        hook: 'Notification',
        fields: { notification_type: 'permission_prompt', message: 'Claude needs your permission to use Bash' },
      },
    ],
    expected: {
      status: 'waiting',
      waitingFor: 'permission',
      tool: { name: 'Bash', summary: 'rm -rf dist' },
      subagents: 0,
      context: { usedPercent: 31, windowSize: 200000 },
      cost: { totalUsd: 0.1873 },
      model: { displayName: 'Sonnet 4.5' },
    },
  },
  {
    label: 'api',
    pane: '%2',
    cwd: '/home/alex/code/api',
    steps: [
      { hook: 'SessionStart' },
      { hook: 'UserPromptSubmit' },
      { hook: 'SubagentStart', fields: { agent_id: 'a1', agent_type: 'Explore' } },
      { hook: 'SubagentStart', fields: { agent_id: 'a2', agent_type: 'Explore' } },
      { hook: 'PreToolUse', fields: tool('Read', { file_path: '/home/alex/code/api/src/app.ts' }) },
      { hook: 'SubagentStop', fields: { agent_id: 'a1' } },
      { hook: 'PostToolUse', fields: tool('Read', { file_path: '/home/alex/code/api/src/app.ts' }) },
      {
        status: {
          displayName: 'Opus 4.1',
          modelId: 'claude-opus-4-1',
          usedPercent: 12,
          windowSize: 1_000_000,
          costUsd: 2.5,
        },
        prints: 'Opus 4.1 · ctx 12% · $2.50',
      },
      // No cost in this payload: the line atmd renders from the session still shows the known cost
      // (atm's own fallback, rendering the payload alone, could not): proof the answer came from atmd.
      {
        status: {
          displayName: 'Opus 4.1',
          modelId: 'claude-opus-4-1',
          usedPercent: 12,
          windowSize: 1_000_000,
          omitCost: true,
        },
        prints: 'Opus 4.1 · ctx 12% · $2.50',
      },
    ],
    expected: {
      status: 'working',
      waitingFor: null,
      tool: null,
      subagents: 1,
      context: { windowSize: 1_000_000, usedPercent: 12 },
      cost: { totalUsd: 2.5 },
      model: { id: 'claude-opus-4-1' },
    },
  },
  {
    label: 'docs',
    pane: '%3',
    cwd: '/home/alex/code/docs',
    steps: [
      { hook: 'UserPromptSubmit' },
      { hook: 'PreToolUse', fields: tool('AskUserQuestion', { questions: [{ question: 'Which framework?' }] }) },
    ],
    expected: {
      status: 'waiting',
      waitingFor: 'question',
      tool: { name: 'AskUserQuestion', summary: 'Which framework?' },
      context: null,
      cost: null,
    },
  },
  {
    label: 'planner',
    pane: '%4',
    cwd: '/home/alex/code/planner',
    steps: [
      { hook: 'UserPromptSubmit' },
      { hook: 'PreToolUse', fields: tool('Grep', { pattern: 'TODO' }) },
      { hook: 'PostToolUse', fields: tool('Grep', { pattern: 'TODO' }) },
      { hook: 'PreToolUse', fields: tool('ExitPlanMode', { plan: '1. do it' }) },
    ],
    expected: { status: 'waiting', waitingFor: 'plan', tool: { name: 'ExitPlanMode' } },
  },
  {
    label: 'mcp',
    pane: '%5',
    cwd: '/home/alex/code/mcp',
    steps: [
      { hook: 'UserPromptSubmit' },
      {
        hook: 'Notification',
        fields: { notification_type: 'elicitation_dialog', message: 'MCP server asks for input' },
      },
    ],
    expected: { status: 'waiting', waitingFor: 'elicitation' },
  },
  {
    label: 'finished',
    pane: '%6',
    cwd: '/home/alex/code/finished',
    steps: [
      { hook: 'UserPromptSubmit' },
      { hook: 'PreCompact', fields: { trigger: 'auto' } },
      { hook: 'Stop' },
      // A status line after Stop updates the metrics but never makes the session working again.
      { status: { usedPercent: 55, costUsd: 0.5 }, prints: 'Sonnet 4.5 · ctx 55% · $0.50' },
      { hook: 'Notification', fields: { notification_type: 'idle_prompt' } },
      { hook: 'Notification', fields: { notification_type: 'auth_success' } },
    ],
    expected: { status: 'idle', waitingFor: null, tool: null, context: { usedPercent: 55 } },
  },
  {
    label: 'gone',
    pane: '%7',
    cwd: '/home/alex/code/gone',
    steps: [
      { hook: 'SessionStart' },
      { hook: 'UserPromptSubmit' },
      { hook: 'Stop' },
      { hook: 'SessionEnd', fields: { reason: 'prompt_input_exit' } },
    ],
    expected: null,
  },
];

async function runStep(daemon: DaemonHarness, agent: FakeAgent, script: Script, id: string, step: Step): Promise<void> {
  const env = { ...daemon.env, ATM_AGENT_PID: String(agent.pid), TMUX_PANE: script.pane };
  if ('hook' in step) {
    const payload = hook(id, step.hook, { cwd: script.cwd, ...step.fields });
    const result = await runCli(['hook'], { env, stdin: JSON.stringify(payload) });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  } else {
    const payload = statusLine(id, { cwd: script.cwd, ...step.status });
    const result = await runCli(['statusline'], { env, stdin: JSON.stringify(payload, null, 2) });
    expect(result).toMatchObject({ code: 0, stdout: `${step.prints}\n`, stderr: '' });
  }
}

describe('a replay through atm hook and atm statusline', () => {
  it('shows every session in the right state in atm list --json', async () => {
    await using daemon = await startDaemon();
    const agents: FakeAgent[] = [];
    await using _agents = { [Symbol.asyncDispose]: async () => void (await Promise.all(agents.map((a) => a.kill()))) };
    const runs = SCRIPTS.map((script) => {
      const agent = spawnAgent();
      agents.push(agent);
      return { script, agent, id: sessionId(script.label) };
    });
    // Interleave the sessions' streams, one step of each in turn, as parallel agents would.
    const longest = Math.max(...SCRIPTS.map((s) => s.steps.length));
    for (let i = 0; i < longest; i += 1) {
      for (const run of runs) {
        const step = run.script.steps[i];
        if (step !== undefined) await runStep(daemon, run.agent, run.script, run.id, step);
      }
    }

    const listed = await runCli(['list', '--json'], { env: daemon.env });
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    const sessions = JSON.parse(listed.stdout) as Record<string, unknown>[];
    const expected = runs.filter((run) => run.script.expected !== null);
    expect(sessions.map((s) => s.id).sort()).toEqual(expected.map((run) => run.id).sort());
    for (const run of expected) {
      const session = sessions.find((s) => s.id === run.id);
      expect(session, run.script.label).toMatchObject({
        agent: 'claude-code',
        pid: run.agent.pid,
        tmux: { pane: run.script.pane },
        cwd: run.script.cwd,
        project: run.script.cwd.split('/').at(-1),
        ...run.script.expected,
      });
      expect(Date.parse(String(session?.startedAt))).toBeLessThanOrEqual(Date.parse(String(session?.lastEventAt)));
    }
  });
});
