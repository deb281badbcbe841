import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { ATM_BIN } from '../../helpers/built.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForLog } from '../../helpers/daemon-log.js';
import { listSessions, waitForSession, type WireSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { pollFor } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { hasTmux, startTmuxServer } from '../../integration/tmux/tmux-server.js';

/**
 * A hook whose environment lost $TMUX_PANE (a wrapper that scrubs it, say) still reaches a
 * session that atm puts in the right pane: by the agent's ancestry, or by the pane Claude's
 * sessions file names. Real daemon, built CLI, a private tmux server.
 */
const NAMES_REFRESH_MS = 5_000;
const tmuxOf = (session: WireSession): unknown => session.tmux;

describe.skipIf(!hasTmux)('tmux identity without $TMUX_PANE', () => {
  it(
    'finds the pane by the agent ancestry, with its names, and follows a rename',
    async () => {
      await using daemon = await startDaemon();
      await using server = startTmuxServer({ name: 'work', window: 'editor' });
      using dir = makeTempDir('atm-pane-');
      const id = sessionId('ancestry');
      writeFileSync(join(dir.path, 'payload.json'), JSON.stringify(hook(id, 'UserPromptSubmit')));
      // In the pane: the "agent" runs in the background of the pane's shell, and a hook reports for
      // it through the built CLI with $TMUX (set by tmux) but without $TMUX_PANE.
      const script = [
        'sleep 3600 &',
        `echo $! > '${dir.path}/agent.pid'`,
        `env -u TMUX_PANE ATM_AGENT_PID=$! ATM_SOCKET='${daemon.socketPath}' '${process.execPath}' '${ATM_BIN}' hook < '${dir.path}/payload.json'`,
        'wait',
      ].join('\n');
      writeFileSync(join(dir.path, 'agent.sh'), script);
      server.tmux('new-window', '-d', '-t', 'work', '-n', 'agents', 'sh', join(dir.path, 'agent.sh'));
      const pane = server.tmux('display-message', '-p', '-t', 'work:agents', '#{pane_id}');
      const agentPid = await pollFor(
        () => {
          try {
            return Number(readFileSync(join(dir.path, 'agent.pid'), 'utf8').trim()) || undefined;
          } catch {
            return undefined;
          }
        },
        { what: 'the agent in the pane to start' },
      );
      try {
        const found = await waitForSession(daemon.socketPath, id, (s) => s.tmux !== null);
        expect(found).toMatchObject({ pid: agentPid, tmux: { pane, session: 'work', window: 'agents' } });

        server.tmux('rename-window', '-t', 'work:agents', 'renamed');
        server.tmux('rename-session', '-t', 'work', 'play');
        const renamed = await waitForSession(
          daemon.socketPath,
          id,
          (s) => (s.tmux as { window?: string } | null)?.window === 'renamed',
        );
        const socket = server.tmux('display-message', '-p', '#{socket_path}');
        expect(tmuxOf(renamed)).toEqual({ pane, session: 'play', window: 'renamed', server: socket });
      } finally {
        process.kill(agentPid, 'SIGKILL');
      }
    },
    10_000 + 2 * NAMES_REFRESH_MS,
  );

  it('takes the pane from the sessions file when the agent is not below any pane, if that server has it', async () => {
    await using daemon = await startDaemon();
    await using server = startTmuxServer({ name: 'work', window: 'editor' });
    const socket = server.tmux('display-message', '-p', '#{socket_path}');
    const pane = server.tmux('display-message', '-p', '-t', 'work:editor', '#{pane_id}');
    await using named = spawnAgent();
    await using bogus = spawnAgent();
    const claude = join(daemon.dir, 'home', '.claude', 'sessions');
    mkdirSync(claude, { recursive: true });
    const ids = { named: sessionId('named'), bogus: sessionId('bogus') };
    writeFileSync(
      join(claude, `${named.pid}.json`),
      JSON.stringify({ pid: named.pid, sessionId: ids.named, status: 'busy', tmux: `work:@0.${pane}` }),
    );
    writeFileSync(
      join(claude, `${bogus.pid}.json`),
      JSON.stringify({ pid: bogus.pid, sessionId: ids.bogus, status: 'busy', tmux: 'work:@0.%999' }),
    );
    const env = { tmux: `${socket},1,0`, pane: null };
    await sendOneShot(daemon.socketPath, { ...env, agentPid: named.pid }, hook(ids.named, 'UserPromptSubmit'));
    await sendOneShot(daemon.socketPath, { ...env, agentPid: bogus.pid }, hook(ids.bogus, 'UserPromptSubmit'));
    expect(tmuxOf(await waitForSession(daemon.socketPath, ids.named, (s) => s.tmux !== null))).toEqual({
      pane,
      session: 'work',
      window: 'editor',
      server: socket,
    });

    // The bogus pane is not on that server: the lookup gives up rather than guess.
    await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'no tmux pane holds this session' && r.sessionId === ids.bogus,
      'bogus lookup',
    );
    expect((await listSessions(daemon.socketPath)).find((s) => s.id === ids.bogus)?.tmux).toBeNull();
  });
});
