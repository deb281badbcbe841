import { createSessionFeed } from '../../client/session-feed.js';
import { buildEnvelopeLine, sendOneShot } from '../../client/one-shot.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { AtmError } from '../../shared/errors.js';
import { SYSTEM_CLOCK } from '../../tui/clock.js';
import type { JumpResult, Jumper } from '../../tui/jumper.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { createDemoWorld, type DemoWorld } from '../demo/demo-world.js';
import { toDemoSteps, type DemoStep } from '../demo/demo-script.js';
import { printLine } from '../output.js';

export const run: CommandRunner = (ctx) => runDemo(ctx.env, ctx.color);

/**
 * `atm demo`: the dashboard with made-up sessions that go through every state in about 10 s
 * (working, waiting for a permission, a question and a plan, idle, high context, subagents,
 * several projects), without Claude Code. The sessions report through the real path (envelope
 * + Claude Code-shaped JSON over the socket) to a private atmd, so the user's own daemon,
 * registry and settings are never touched. q quits and removes everything it made.
 */
export async function runDemo(env: NodeJS.ProcessEnv, color: boolean): Promise<number> {
  if (process.stdout.isTTY !== true || process.stdin.isTTY !== true) {
    throw new AtmError('usage', 'atm demo needs a terminal', { hint: 'run it in a terminal (or a tmux pane)' });
  }
  const code = await (async () => {
    await using world = await createDemoWorld(env);
    const agents = world.places.map((place) => place.agent);
    const feeder = startFeeder(world, toDemoSteps(agents));
    try {
      const { runDashboard } = await import('../../tui/run-dashboard.js');
      return await runDashboard({
        source: createSessionFeed({ socketPath: world.socketPath, role: 'tui' }),
        jumper: demoJumper(world),
        clock: SYSTEM_CLOCK,
        mode: 'dashboard',
        color,
        homeDir: world.dir,
        initialNotice: {
          text: 'atm demo: made-up sessions on a private atmd; your sessions and settings are untouched. q quits.',
          tone: 'info',
        },
      });
    } finally {
      feeder.stop();
    }
  })();
  printLine('atm demo: its private atmd and tmux server are stopped, its files removed. Run `atm` for the real thing.');
  return code;
}

/** Sends each step at its time through the one-shot report path, as Claude Code's hooks would. */
function startFeeder(world: DemoWorld, steps: readonly DemoStep[]): { stop(): void } {
  const startedAt = Date.now();
  const timers = steps.map((step) =>
    setTimeout(() => void send(world, step), Math.max(0, step.atMs - (Date.now() - startedAt))),
  );
  return { stop: () => timers.forEach((timer) => clearTimeout(timer)) };
}

async function send(world: DemoWorld, step: DemoStep): Promise<void> {
  const place = world.places.find((candidate) => candidate.agent.key === step.agent);
  if (place === undefined) return;
  const envelopeLine = buildEnvelopeLine({
    protocolVersion: PROTOCOL_VERSION,
    kind: step.kind,
    agentPid: place.pid,
    ppid: null,
    pane: place.pane,
    tmux: place.tmuxEnv,
    ts: Date.now(),
  });
  // A lost step only makes the demo less lively; it never stops it.
  await sendOneShot({
    socketPath: world.socketPath,
    envelopeLine,
    payload: Buffer.from(JSON.stringify(step.payload)),
    timeoutMs: 2_000,
  }).catch(() => undefined);
}

/** The demo's panes live on its private tmux server: Enter says how to look at them. */
function demoJumper(world: DemoWorld): Jumper {
  return {
    jumpTo({ pane }): Promise<JumpResult> {
      if (world.tmuxSocket === null)
        return Promise.reject(new Error('the demo has no tmux: its sessions have no panes'));
      return Promise.resolve({ kind: 'attach', command: `tmux -S ${world.tmuxSocket} attach -t ${pane}` });
    },
  };
}
