import { describe, expect, it } from 'vitest';
import { fixture, fixtureBytes, hook, sessionId, statusLine } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { listSessions, waitForSession } from '../../helpers/daemon-probes.js';
import { envelopeLine, sendOneShot, sendRawOneShot } from '../../helpers/one-shot-client.js';

const FIXTURE_SESSION = '5b0f7c2e-9d1a-4c3b-8e6f-2a7d9c4e1f03';
const DIFFER = 'atm: hooks and daemon differ in version; run `atm setup`\n';

describe('one-shot ingest', () => {
  it('takes an envelope and the fixture bytes untouched, and answers a hook with nothing', async () => {
    await using daemon = await startDaemon();
    // atmd believes a client's clock only near its own (issue 10, defect 14): a time of now.
    const ts = Date.now();
    const when = new Date(ts).toISOString();
    const reply = await sendRawOneShot(
      daemon.socketPath,
      Buffer.concat([
        Buffer.from(envelopeLine({ pane: '%3', tmux: '/tmp/tmux-1000/default,4321,0', ts })),
        fixtureBytes('pre-tool-use-bash'),
      ]),
    );
    expect(reply).toBe('');
    expect(await listSessions(daemon.socketPath)).toEqual([
      {
        id: FIXTURE_SESSION,
        agent: 'claude-code',
        status: 'working',
        waitingFor: null,
        tool: { name: 'Bash', startedAt: when, summary: 'npm run lint' },
        model: null,
        context: null,
        cost: null,
        cwd: '/home/alex/code/shop-frontend',
        projectDir: null,
        project: 'shop-frontend',
        branch: null,
        pid: null,
        tmux: { pane: '%3', session: null, window: null, server: '/tmp/tmux-1000/default' },
        startedAt: when,
        lastEventAt: when,
        subagents: 0,
        host: 'local',
      },
    ]);
  });

  it.each([1, 7, 64])('takes a report split into %i-byte writes', async (chunkBytes) => {
    await using daemon = await startDaemon();
    const id = sessionId(`split-${chunkBytes}`);
    // Pretty-printed over many lines, as Claude Code may send it: only EOF ends the payload.
    const payload = JSON.stringify(hook(id, 'PermissionRequest'), null, 2);
    expect(payload.split('\n').length).toBeGreaterThan(10);
    expect(await sendOneShot(daemon.socketPath, { pane: '%12' }, payload, { chunkBytes, timeoutMs: 20_000 })).toBe('');
    const session = await waitForSession(daemon.socketPath, id);
    expect(session).toMatchObject({
      status: 'waiting',
      waitingFor: 'permission',
      tool: { name: 'Bash', summary: 'rm -rf dist' },
      tmux: { pane: '%12' },
    });
  });

  it('takes the envelope and the payload in one write, and a CRLF envelope', async () => {
    await using daemon = await startDaemon();
    const id = sessionId('crlf');
    const bytes = `${envelopeLine().replace('\n', '\r\n')}${JSON.stringify(hook(id, 'UserPromptSubmit'))}\n\n`;
    expect(await sendRawOneShot(daemon.socketPath, bytes)).toBe('');
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'working');
  });

  it('answers a status report with the plain status-line text', async () => {
    await using daemon = await startDaemon();
    const reply = await sendRawOneShot(
      daemon.socketPath,
      Buffer.concat([Buffer.from(envelopeLine({ kind: 'status' })), fixtureBytes('statusline')]),
    );
    expect(reply).toBe('Sonnet 4.5 · ctx 31% · $0.19\n');
    const [session] = await listSessions(daemon.socketPath);
    expect(session).toMatchObject({
      id: FIXTURE_SESSION,
      status: 'idle',
      model: { id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' },
      context: { windowSize: 200000, usedPercent: 31 },
      cost: { totalUsd: 0.1873, linesAdded: 42, linesRemoved: 7, durationMs: 241000 },
      projectDir: '/home/alex/code/shop-frontend',
    });
  });

  it('renders the status line from the whole session: metrics a later payload omits are kept', async () => {
    await using daemon = await startDaemon();
    const id = sessionId('merge');
    expect(
      await sendOneShot(
        daemon.socketPath,
        { kind: 'status', ts: 1000 },
        statusLine(id, { usedPercent: 12, costUsd: 1.5 }),
      ),
    ).toBe('Sonnet 4.5 · ctx 12% · $1.50\n');
    const partial = { session_id: id, model: { id: 'claude-opus-4-1', display_name: 'Opus 4.1' } };
    expect(await sendOneShot(daemon.socketPath, { kind: 'status', ts: 2000 }, partial)).toBe(
      'Opus 4.1 · ctx 12% · $1.50\n',
    );
  });

  it('strips escape sequences from the status line it answers', async () => {
    await using daemon = await startDaemon();
    const id = sessionId('esc');
    const reply = await sendOneShot(
      daemon.socketPath,
      { kind: 'status' },
      statusLine(id, { displayName: 'Evil\u001b]0;pwned\u0007\u001b[2J 4.5' }),
    );
    expect(reply).toBe('Evil 4.5 · ctx 31% · $0.19\n');
  });

  it.each(['2.0', '0.9', '17.3'])(
    'answers a status report of protocol %s with the version line, and ignores it',
    async (atm) => {
      await using daemon = await startDaemon();
      const id = sessionId(atm);
      expect(await sendOneShot(daemon.socketPath, { kind: 'status', atm }, statusLine(id))).toBe(DIFFER);
      expect(await sendOneShot(daemon.socketPath, { kind: 'hook', atm }, hook(id, 'UserPromptSubmit'))).toBe('');
      expect(await listSessions(daemon.socketPath)).toEqual([]);
    },
  );

  it('accepts a newer MINOR envelope with fields it does not know', async () => {
    await using daemon = await startDaemon();
    const id = sessionId('minor');
    expect(
      await sendOneShot(
        daemon.socketPath,
        { atm: '1.9', kind: 'status', compression: 'none', extra: { a: 1 } },
        statusLine(id),
      ),
    ).toBe('Sonnet 4.5 · ctx 31% · $0.19\n');
    await waitForSession(daemon.socketPath, id);
  });

  it('keeps unknown events and fields harmless: the session is seen, its status unchanged', async () => {
    await using daemon = await startDaemon();
    const id = sessionId('unknown');
    const t0 = Date.now();
    await sendOneShot(daemon.socketPath, { ts: t0 }, hook(id, 'UserPromptSubmit'));
    await sendOneShot(
      daemon.socketPath,
      { ts: t0 + 1000 },
      { ...fixture('stop'), session_id: id, hook_event_name: 'TeleportStart', brand_new: { x: [1] } },
    );
    const session = await waitForSession(
      daemon.socketPath,
      id,
      (s) => s.lastEventAt === new Date(t0 + 1000).toISOString(),
    );
    expect(session).toMatchObject({ status: 'working' });
  });
});
