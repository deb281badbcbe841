import { describe, expect, it } from 'vitest';
import { spawnAgent, type FakeAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon, type DaemonHarness } from '../../helpers/daemon-harness.js';
import { pollUntil } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { attachClient, hasTmux, startTmuxServer } from '../../integration/tmux/tmux-server.js';

/**
 * `atm next` and `atm jump` on a real tmux server with a real attached client, against a real
 * atmd fed through `atm hook`. "Where the user looks" is the client's current pane.
 */
describe.skipIf(!hasTmux)(`atm next and atm jump${hasTmux ? '' : ' (skipped: tmux is not installed)'}`, () => {
  it(
    'next lands on the longest waiting, cycles, and exits 1 when nothing waits; jump from outside prints the attach',
    { timeout: 90_000 },
    async () => {
      await using tmux = startTmuxServer({ name: 'agents', window: 'alpha' });
      tmux.tmux('new-window', '-t', 'agents', '-n', 'beta', 'cat');
      tmux.tmux('new-window', '-t', 'agents', '-n', 'gamma', 'cat');
      tmux.tmux('new-window', '-t', 'agents', '-n', 'other', 'cat');
      const paneOf = (window: string): string =>
        tmux.tmux('display-message', '-p', '-t', `agents:${window}`, '#{pane_id}');
      const [alpha, beta, gamma, other] = ['alpha', 'beta', 'gamma', 'other'].map(paneOf);
      await using _client = attachClient(tmux, 'agents');
      const looking = (): string => tmux.tmux('list-clients', '-F', '#{pane_id}');
      await pollUntil(() => looking() === other, { what: 'the client on "other"' });
      const socket = tmux.tmux('display-message', '-p', '#{socket_path}');
      await using daemon = await startDaemon();
      await using agent = spawnAgent();
      const inTmux = { ...daemon.env, TMUX: `${socket},1,0` };

      const send = async (
        d: DaemonHarness,
        a: FakeAgent,
        [project, id]: readonly [string, string],
        pane: string | undefined,
        event: string,
      ) => {
        const env = { ...d.env, ATM_AGENT_PID: String(a.pid), TMUX_PANE: pane, TMUX: `${socket},1,0` };
        expect(
          (await runCli(['hook'], { env, stdin: JSON.stringify(hook(id, event, { cwd: `/src/${project}` })) })).code,
        ).toBe(0);
      };
      const ids = { alpha: sessionId('alph'), beta: sessionId('beta'), gamma: sessionId('gamm') };
      // beta started waiting first, then alpha; gamma only works.
      for (const [name, pane] of [
        ['beta', beta],
        ['alpha', alpha],
      ] as const) {
        await send(daemon, agent, [name, ids[name]], pane, 'PreToolUse');
        await send(daemon, agent, [name, ids[name]], pane, 'PermissionRequest');
      }
      await send(daemon, agent, ['gamma', ids.gamma], gamma, 'UserPromptSubmit');
      await pollUntil(
        async () => (await runCli(['status', '--format', '{waiting}'], { env: daemon.env })).stdout === '2\n',
      );

      const next = () => runCli(['next'], { env: inTmux });
      expect(await next()).toMatchObject({ code: 0, stdout: '', stderr: '' });
      await pollUntil(() => looking() === beta, { what: 'next to show beta (waiting longest)' });
      await next();
      await pollUntil(() => looking() === alpha, { what: 'next again to show alpha' });
      await next();
      await pollUntil(() => looking() === beta, { what: 'next again to wrap round to beta' });

      const outside = await runCli(['jump', 'gamma'], { env: daemon.env });
      expect(outside.code).toBe(0);
      expect(outside.stdout).toBe(`tmux -S ${socket} attach -t ${gamma}\n`);
      expect(outside.stderr).toMatch(/^atm: gamma is in tmux pane %\d+; you are outside tmux/);
      await pollUntil(() => looking() === gamma, { what: "the server's client to show gamma too" });

      const unknown = await runCli(['jump', 'nope'], { env: daemon.env });
      expect(unknown).toMatchObject({ code: 1, stdout: '' });
      expect(unknown.stderr).toMatch(/no session matches "nope"/);

      for (const name of ['alpha', 'beta'] as const)
        await send(daemon, agent, [name, ids[name]], paneOf(name), 'PostToolUse');
      await pollUntil(
        async () => (await runCli(['status', '--format', '{waiting}'], { env: daemon.env })).stdout === '0\n',
      );
      const none = await next();
      expect(none).toMatchObject({ code: 1, stdout: '', stderr: 'atm: nothing is waiting\n' });

      // A session that waits outside tmux is counted by `atm status`; next says why it cannot go there.
      await using loose = spawnAgent();
      const paneless = sessionId('lone');
      const env = { ...daemon.env, ATM_AGENT_PID: String(loose.pid), TMUX_PANE: undefined, TMUX: undefined };
      for (const event of ['PreToolUse', 'PermissionRequest'])
        await runCli(['hook'], { env, stdin: JSON.stringify(hook(paneless, event, { cwd: '/src/lone' })) });
      await pollUntil(
        async () => (await runCli(['status', '--format', '{waiting}'], { env: daemon.env })).stdout === '1\n',
      );
      const unreachable = await next();
      expect(unreachable).toMatchObject({ code: 1, stdout: '' });
      expect(unreachable.stderr).toMatch(/^atm: 1 session waits, but none is in a tmux pane\n/);
    },
  );
});
