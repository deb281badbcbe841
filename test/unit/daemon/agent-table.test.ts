import { describe, expect, it } from 'vitest';
import { toSessionId } from '../../../src/domain/ids.js';
import type { AgentIntegration } from '../../../src/integrations/agent-integration.js';
import { createClaudeAgent } from '../../../src/integrations/claude/agent.js';
import { makeTestDaemon } from '../../helpers/daemon-fakes.js';

/** A second agent CLI, by hand: it proves the daemon reads agents only through the port. */
const fakeAgent: AgentIntegration = {
  kind: 'fake-agent',
  parseReport: (_kind, payload) => {
    const id = toSessionId((payload as { sid?: unknown }).sid);
    return id === null
      ? { ok: false, reason: 'no sid' }
      : {
          ok: true,
          report: { sessionId: id, cwd: '/w/fake', projectDir: null, transcriptPath: null, change: { type: 'prompt' } },
        };
  },
  isAgentProcess: (command) => command === 'fake',
};

describe('the agent table', () => {
  const agents = [createClaudeAgent({ configDir: null }), fakeAgent];

  it('an envelope naming an agent is read by that agent, and the session carries its name', async () => {
    await using t = makeTestDaemon({ agents });
    expect(await t.daemon.ingest({ kind: 'hook', agent: 'fake-agent', ts: 1 }, { sid: 'f-1' })).toMatchObject({
      ok: true,
    });
    expect(t.daemon.sessions()).toMatchObject([{ id: 'f-1', agent: 'fake-agent', status: 'working', cwd: '/w/fake' }]);
  });

  it('an envelope naming no agent is read by the first one (Claude Code, as before 1.2)', async () => {
    await using t = makeTestDaemon({ agents });
    await t.daemon.ingest({ kind: 'hook', ts: 1 }, { session_id: 'c-1', hook_event_name: 'UserPromptSubmit' });
    expect(t.daemon.sessions()).toMatchObject([{ id: 'c-1', agent: 'claude-code', status: 'working' }]);
  });

  it('an unknown agent is refused with the names atmd knows', async () => {
    await using t = makeTestDaemon({ agents });
    const result = await t.daemon.ingest({ kind: 'hook', agent: 'gemini', ts: 1 }, { sid: 'x' });
    expect(result).toMatchObject({ ok: false, code: 'bad-payload' });
    expect(!result.ok && result.message).toContain('claude-code, fake-agent');
  });

  it('Claude Code recognises its own process', () => {
    const claude = createClaudeAgent({ configDir: null });
    expect(claude.isAgentProcess('claude', null)).toBe(true);
    expect(claude.isAgentProcess('bash', 'bash -c ls')).toBe(false);
  });
});
