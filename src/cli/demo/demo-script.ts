/**
 * What `atm demo` plays: six made-up Claude Code sessions in four projects that go through every
 * state the dashboard shows in about ten seconds. Pure data: each step is one hook or statusLine
 * payload, in Claude Code's own shape, sent through the real report path at `atMs`.
 */
export interface DemoAgent {
  readonly key: string;
  readonly project: string;
  /** Under the demo's own temp dir, so the paths exist and say nothing about the user. */
  readonly dir: string;
  readonly window: string;
  readonly model: { readonly id: string; readonly displayName: string };
}

export interface DemoStep {
  readonly atMs: number;
  readonly agent: string;
  readonly kind: 'hook' | 'status';
  readonly payload: Record<string, unknown>;
}

export const DEMO_AGENTS: readonly Omit<DemoAgent, 'dir'>[] = [
  { key: 'api', project: 'payments-api', window: 'api', model: { id: 'claude-opus-4-5', displayName: 'Opus 4.5' } },
  {
    key: 'api2',
    project: 'payments-api',
    window: 'api-tests',
    model: { id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' },
  },
  {
    key: 'web',
    project: 'shop-frontend',
    window: 'frontend-checkout',
    model: { id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' },
  },
  { key: 'docs', project: 'docs-site', window: 'docs', model: { id: 'claude-haiku-4-5', displayName: 'Haiku 4.5' } },
  { key: 'infra', project: 'infra', window: 'terraform', model: { id: 'claude-opus-4-5', displayName: 'Opus 4.5' } },
  {
    key: 'web2',
    project: 'shop-frontend',
    window: 'frontend-search',
    model: { id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' },
  },
];

/** The session id of a demo agent: a UUID-shaped constant, so runs are alike. */
export const toDemoSessionId = (index: number): string =>
  `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;

/** The timeline, in order of time. */
export function toDemoSteps(agents: readonly DemoAgent[]): DemoStep[] {
  const steps: DemoStep[] = [];
  const byKey = new Map(agents.map((agent, index) => [agent.key, { agent, id: toDemoSessionId(index) }]));
  const hook = (atMs: number, key: string, event: string, fields: Record<string, unknown> = {}): void => {
    const found = byKey.get(key);
    if (found === undefined) return;
    const payload = { session_id: found.id, cwd: found.agent.dir, hook_event_name: event, ...fields };
    steps.push({ atMs, agent: key, kind: 'hook', payload });
  };
  const status = (atMs: number, key: string, usedPercent: number, costUsd: number): void => {
    const found = byKey.get(key);
    if (found === undefined) return;
    const { agent, id } = found;
    const payload = {
      session_id: id,
      cwd: agent.dir,
      model: { id: agent.model.id, display_name: agent.model.displayName },
      workspace: { current_dir: agent.dir, project_dir: agent.dir },
      cost: { total_cost_usd: costUsd, total_duration_ms: 1_200_000, total_lines_added: 120, total_lines_removed: 14 },
      context_window: { context_window_size: 200_000, used_percentage: usedPercent },
    };
    steps.push({ atMs, agent: key, kind: 'status', payload });
  };
  const tool = (name: string, input: Record<string, unknown>) => ({ tool_name: name, tool_input: input });

  // 0-1 s: every session starts and reports its model, context and cost.
  agents.forEach((agent, i) => {
    hook(i * 120, agent.key, 'SessionStart', { source: 'startup', model: agent.model.id });
    status(i * 120 + 60, agent.key, [34, 22, 41, 12, 58, 9][i] ?? 20, [2.41, 0.87, 1.64, 0.12, 4.05, 0.33][i] ?? 0.5);
  });
  // 1-3 s: work begins.
  hook(1_000, 'api', 'UserPromptSubmit', { prompt: 'add idempotency keys to the refund endpoint' });
  hook(1_200, 'api', 'PreToolUse', tool('Edit', { file_path: 'src/refunds/handler.ts' }));
  hook(1_400, 'web', 'UserPromptSubmit', { prompt: 'the checkout button jumps on mobile' });
  hook(1_600, 'web', 'PreToolUse', tool('Bash', { command: 'npm test -- --run checkout' }));
  hook(1_800, 'infra', 'UserPromptSubmit', { prompt: 'plan the move of the queue to its own VPC' });
  hook(2_000, 'docs', 'UserPromptSubmit', { prompt: 'document the new webhooks' });
  hook(2_200, 'docs', 'PreToolUse', tool('Read', { file_path: 'docs/webhooks.md' }));
  hook(2_400, 'api2', 'UserPromptSubmit', { prompt: 'why is test_refund_twice flaky?' });
  hook(2_600, 'api2', 'PreToolUse', tool('Grep', { pattern: 'refund_twice' }));
  // 3-5 s: subagents, and a context filling up.
  hook(3_000, 'api', 'SubagentStart', { agent_id: 'a1', agent_type: 'Explore' });
  hook(3_300, 'api', 'SubagentStart', { agent_id: 'a2', agent_type: 'code-reviewer' });
  status(3_600, 'api', 71, 3.12);
  status(4_200, 'infra', 93, 6.8);
  // 5-8 s: three sessions stop to wait for the user: a permission, a question, a plan.
  hook(5_000, 'web', 'PermissionRequest', tool('Bash', { command: 'rm -rf node_modules/.cache && npm ci' }));
  hook(6_000, 'docs', 'PreToolUse', tool('AskUserQuestion', { questions: [{ question: 'Which API version?' }] }));
  hook(7_000, 'infra', 'PreToolUse', tool('ExitPlanMode', { plan: 'Move the queue to vpc-queue' }));
  // 8-10 s: one finishes and goes idle, one starts a new tool.
  hook(8_000, 'api2', 'PostToolUse', tool('Grep', { pattern: 'refund_twice' }));
  hook(8_300, 'api2', 'Stop', {});
  status(8_400, 'api2', 27, 1.04);
  hook(9_000, 'web2', 'UserPromptSubmit', { prompt: 'speed up the search page' });
  hook(9_200, 'web2', 'PreToolUse', tool('Bash', { command: 'npx lighthouse http://localhost:3000/search' }));
  status(9_600, 'web2', 46, 0.91);
  return steps.sort((a, b) => a.atMs - b.atMs);
}

/** When the timeline is over. */
export const DEMO_LENGTH_MS = 10_000;
