import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForLog } from '../../helpers/daemon-log.js';
import { expectStillServing, listSessions, openBystander } from '../../helpers/daemon-probes.js';
import { envelopeLine, sendOneShot, sendRawOneShot } from '../../helpers/one-shot-client.js';
import { connectWire } from '../../helpers/wire-client.js';

const DEEP = 100_000;

/**
 * Bad one-shot reports. A one-shot client prints what atmd answers into Claude Code (or
 * nowhere), so atmd answers nothing, logs the problem and closes: and keeps serving everyone else.
 */
describe('atmd survives bad one-shot reports', () => {
  it.each<[string, () => string | Buffer, string]>([
    [
      'a payload that is not JSON',
      () => `${envelopeLine({ kind: 'status' })}this is not json {`,
      'one-shot report is not JSON',
    ],
    [
      'a truncated payload',
      () => `${envelopeLine()}{"session_id":"abc","hook_event_name":"Sto`,
      'one-shot report is not JSON',
    ],
    [
      'an invalid UTF-8 payload',
      () => Buffer.concat([Buffer.from(envelopeLine()), Buffer.from([0xff, 0xfe, 0x7b, 0x80])]),
      'one-shot report is not JSON',
    ],
    [
      '100k nested arrays as the payload',
      () => `${envelopeLine()}${'['.repeat(DEEP)}${']'.repeat(DEEP)}`,
      'one-shot report refused',
    ],
    [
      '100k nested objects in the envelope',
      () => `{"atm":${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}\n{}`,
      'bad one-shot envelope',
    ],
    [
      'an envelope with wrong types',
      () =>
        `{"atm":"1.0","kind":"hook","agentPid":"abc","pane":7,"ts":"yesterday"}\n${JSON.stringify(hook(sessionId('x'), 'Stop'))}`,
      'bad one-shot envelope',
    ],
    [
      'an envelope of an unknown kind',
      () => `${envelopeLine({ kind: 'telepathy' as 'hook' })}{}`,
      'bad one-shot envelope',
    ],
    ['a payload without a session id', () => `${envelopeLine()}{"hook_event_name":"Stop"}`, 'one-shot report refused'],
    [
      'a payload with a hostile session id',
      () => `${envelopeLine()}{"session_id":"../../etc/passwd\\u001b[2J","hook_event_name":"Stop"}`,
      'one-shot report refused',
    ],
  ])('%s: no answer, logged, closed', async (_name, bytes, logged) => {
    await using daemon = await startDaemon();
    await using bystander = await openBystander(daemon.socketPath);
    expect(await sendRawOneShot(daemon.socketPath, bytes())).toBe('');
    await waitForLog(daemon.stateDir, (r) => r.message === logged, logged);
    expect(await listSessions(daemon.socketPath)).toEqual([]);
    await expectStillServing(daemon.socketPath, bystander);
  });

  it('keeps a report larger than maxLineBytes, cut: the fields before a huge tool_response', async () => {
    await using daemon = await startDaemon({ config: { daemon: { maxLineBytes: 4096 } } });
    await using bystander = await openBystander(daemon.socketPath);
    const id = sessionId('big');
    const payload = hook(id, 'PostToolUse', { tool_response: { stdout: 'x'.repeat(64_000), stderr: '' } });
    expect(await sendOneShot(daemon.socketPath, {}, payload)).toBe('');
    await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'one-shot report over the size limit: kept the fields before the cut',
      'size limit',
    );
    const sessions = await listSessions(daemon.socketPath);
    expect(sessions.map((s) => [s.id, s.status])).toEqual([[id, 'working']]);
    await expectStillServing(daemon.socketPath, bystander);
  });

  it('closes an empty connection without an answer', async () => {
    await using daemon = await startDaemon();
    await using bystander = await openBystander(daemon.socketPath);
    expect(await sendRawOneShot(daemon.socketPath, '')).toBe('');
    // And one that goes away at once, without even a half-close.
    const client = await connectWire(daemon.socketPath);
    client.close();
    await expectStillServing(daemon.socketPath, bystander);
  });

  describe('with oneShotTimeoutMs 400', () => {
    const config = { daemon: { oneShotTimeoutMs: 400 } };

    it.each<[string, string]>([
      ['says nothing', ''],
      ['sends half a first line', '{"atm":"1.0","kind":"ho'],
      [
        'sends an envelope and part of the payload, never EOF',
        `${envelopeLine()}{"session_id":"never-finished","hook_`,
      ],
    ])('closes a connection that %s', async (_name, bytes) => {
      await using daemon = await startDaemon({ config });
      // A session that said hello is not a one-shot: it may stay idle for as long as it likes.
      await using bystander = await openBystander(daemon.socketPath);
      expect(await sendRawOneShot(daemon.socketPath, bytes, { end: false, timeoutMs: 10_000 })).toBe('');
      await waitForLog(
        daemon.stateDir,
        (r) => r.message === 'closing a connection that did not finish in time',
        'timeout',
      );
      expect(await listSessions(daemon.socketPath)).toEqual([]);
      await expectStillServing(daemon.socketPath, bystander);
    });
  });
});
