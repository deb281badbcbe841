import { describe, expect, it } from 'vitest';
import { sessionIdSchema } from '../../../src/domain/ids.js';
import { sessionSchema } from '../../../src/domain/session.js';
import { encodeMessage } from '../../../src/protocol/encode.js';
import { LineDecoder } from '../../../src/protocol/line-decoder.js';
import {
  CLIENT_ROLES,
  ERROR_CODES,
  clientMessageSchema,
  daemonMessageSchema,
  envelopeSchema,
  readDaemonMessage,
  type ClientMessage,
  type DaemonMessage,
} from '../../../src/protocol/messages.js';

// Parsed, so the sample itself is known to be a valid session.
const busy = sessionSchema.parse({
  id: '5b0f7c2e-9d1a-4c3b-8e6f-2a7d9c4e1f03',
  agent: 'claude-code',
  status: 'waiting',
  waitingFor: 'permission',
  tool: { name: 'Bash', startedAt: '2025-01-15T09:00:02.000Z', summary: 'rm -rf dist' },
  model: { id: 'claude-sonnet-4-5', displayName: 'Sonnet 4.5' },
  context: { usedTokens: 61_000, windowSize: 200_000, usedPercent: 30.5 },
  cost: { totalUsd: 0.1873, linesAdded: 42, linesRemoved: 7, durationMs: 241_000 },
  cwd: '/home/alex/code/shop "front"\nend',
  projectDir: '/home/alex/code/shop',
  project: 'shop — 世界 🚀',
  pid: 4242,
  tmux: { pane: '%12', session: 'work', window: 'agents' },
  startedAt: '2025-01-15T09:00:00.000Z',
  lastEventAt: '2025-01-15T09:00:02.000Z',
  subagents: 2,
});

const bare = sessionSchema.parse({
  ...busy,
  id: 'other-session',
  status: 'idle',
  waitingFor: null,
  tool: null,
  model: null,
  context: null,
  cost: null,
  cwd: null,
  projectDir: null,
  project: '?',
  pid: null,
  tmux: null,
  subagents: 0,
});

/** Encodes, frames, decodes and validates a message exactly as the other side of the socket would. */
function overTheWire<T>(message: unknown, schema: { parse(value: unknown): T }): T {
  const line = encodeMessage(message as ClientMessage);
  const decoder = new LineDecoder({ maxLineBytes: 1024 * 1024 });
  const items = decoder.push(new TextEncoder().encode(line));
  expect(items).toHaveLength(1);
  expect(decoder.pendingBytes).toBe(0);
  const [item] = items;
  if (item?.type !== 'line') throw new Error('not a line');
  return schema.parse(JSON.parse(item.text));
}

describe('encodeMessage', () => {
  it('is one line of JSON ending in a newline, even with newlines in the data', () => {
    const line = encodeMessage({ type: 'snapshot', sessions: [busy] });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
  });
});

describe('client messages round trip (encode → decode → equal)', () => {
  it.each<[name: string, message: ClientMessage]>([
    ...CLIENT_ROLES.map((role): [string, ClientMessage] => [
      `hello as ${role}`,
      { type: 'hello', protocolVersion: '1.0', role },
    ]),
    [
      'hello with a client name and a newer minor',
      { type: 'hello', protocolVersion: '1.7', role: 'tui', client: 'atm 0.2.0' },
    ],
    ['ping without id', { type: 'ping' }],
    ['ping with a numeric id', { type: 'ping', id: 7 }],
    ['ping with a string id', { type: 'ping', id: 'req-1' }],
    ['list', { type: 'list', id: 1 }],
    ['subscribe', { type: 'subscribe' }],
    [
      'ingest of a hook',
      {
        type: 'ingest',
        id: 3,
        kind: 'hook',
        agentPid: 4242,
        ppid: 4000,
        pane: '%1',
        tmux: '/tmp/tmux-1000/default,123,0',
        ts: 1_736_931_600_000,
        payload: { session_id: 's', hook_event_name: 'Stop', nested: [1, { a: null }] },
      },
    ],
    [
      'ingest of a status line with nulls',
      {
        type: 'ingest',
        kind: 'status',
        agentPid: null,
        ppid: null,
        pane: null,
        tmux: null,
        ts: 0,
        payload: { session_id: 's' },
      },
    ],
    [
      'ingest with a payload that is not an object (the daemon judges it)',
      { type: 'ingest', kind: 'hook', ts: 1, payload: 'garbage' },
    ],
  ])('%s', (_name, message) => {
    expect(overTheWire(message, clientMessageSchema)).toEqual(message);
  });
});

describe('daemon messages round trip (encode → decode → equal)', () => {
  it.each<[name: string, message: DaemonMessage]>([
    ['welcome', { type: 'welcome', protocolVersion: '1.0', daemonVersion: '0.1.0', pid: 999 }],
    ['rejected', { type: 'rejected', protocolVersion: '1.0', clientVersion: '2.0', message: 'upgrade atm to 2.x' }],
    ['pong', { type: 'pong', id: 7 }],
    ['an empty snapshot', { type: 'snapshot', sessions: [] }],
    ['a snapshot of full and bare sessions', { type: 'snapshot', id: 'r', sessions: [busy, bare] }],
    [
      'an update with upserts and removals',
      { type: 'update', upsert: [busy], remove: ['gone-1', 'gone-2'].map((id) => sessionIdSchema.parse(id)) },
    ],
    ['an empty update', { type: 'update', upsert: [], remove: [] }],
    ['ingested with a status line', { type: 'ingested', id: 2, statusLine: 'Sonnet 4.5 · ctx 31% · $0.19' }],
    ['ingested without one', { type: 'ingested', statusLine: null }],
    ...ERROR_CODES.map((code): [string, DaemonMessage] => [
      `error ${code}`,
      { type: 'error', id: 1, code, message: `failed: ${code}` },
    ]),
  ])('%s', (_name, message) => {
    expect(overTheWire(message, daemonMessageSchema)).toEqual(message);
  });
});

describe('the one-shot envelope round trips', () => {
  it.each<[name: string, envelope: Record<string, unknown>]>([
    [
      'a hook envelope',
      {
        atm: '1.0',
        kind: 'hook',
        agentPid: 4242,
        ppid: 4000,
        pane: '%3',
        tmux: '/tmp/tmux-1000/default,1,0',
        ts: 1_736_931_600_000,
      },
    ],
    ['a status envelope with only what is required', { atm: '1.3', kind: 'status', ts: 5 }],
  ])('%s', (_name, envelope) => {
    expect(envelopeSchema.parse(JSON.parse(JSON.stringify(envelope)))).toEqual(envelope);
  });
});

describe('rejections', () => {
  it.each<[rule: string, value: unknown]>([
    ['not an object', 'ping'],
    ['null', null],
    ['an array', [{ type: 'ping' }]],
    ['no type', { id: 1 }],
    ['an unknown type', { type: 'shutdown' }],
    ['a type of the wrong case', { type: 'PING' }],
    ['hello without protocolVersion', { type: 'hello', role: 'cli' }],
    ['hello with a numeric version', { type: 'hello', protocolVersion: 1.0, role: 'cli' }],
    ['hello with a version that is not MAJOR.MINOR', { type: 'hello', protocolVersion: '1.0.0', role: 'cli' }],
    ['hello with a garbage version', { type: 'hello', protocolVersion: 'latest', role: 'cli' }],
    ['hello with a client name of the wrong type', { type: 'hello', protocolVersion: '1.0', role: 'cli', client: 5 }],
    ['an id that is an object', { type: 'ping', id: { n: 1 } }],
    ['an id that is a fraction', { type: 'ping', id: 1.5 }],
    ['an id string over 100 characters', { type: 'list', id: 'x'.repeat(101) }],
    ['ingest without kind', { type: 'ingest', ts: 1, payload: {} }],
    ['ingest of an unknown kind', { type: 'ingest', kind: 'metrics', ts: 1, payload: {} }],
    ['ingest without ts', { type: 'ingest', kind: 'hook', payload: {} }],
    ['ingest with a negative ts', { type: 'ingest', kind: 'hook', ts: -1, payload: {} }],
    ['ingest with a fractional ts', { type: 'ingest', kind: 'hook', ts: 1.5, payload: {} }],
    ['ingest with a string ts', { type: 'ingest', kind: 'hook', ts: '1', payload: {} }],
    ['ingest with pid 0', { type: 'ingest', kind: 'hook', ts: 1, agentPid: 0, payload: {} }],
    ['ingest with a negative ppid', { type: 'ingest', kind: 'hook', ts: 1, ppid: -5, payload: {} }],
    ['ingest with a string pid', { type: 'ingest', kind: 'hook', ts: 1, agentPid: '42', payload: {} }],
    ['ingest with an over-long pane', { type: 'ingest', kind: 'hook', ts: 1, pane: '%'.repeat(21), payload: {} }],
  ])('client message: %s', (_rule, value) => {
    expect(clientMessageSchema.safeParse(value).success).toBe(false);
  });

  it.each<[rule: string, value: unknown]>([
    ['an unknown type', { type: 'hello', protocolVersion: '1.0', role: 'cli' }],
    ['welcome without pid', { type: 'welcome', protocolVersion: '1.0', daemonVersion: '0.1.0' }],
    ['welcome with a string pid', { type: 'welcome', protocolVersion: '1.0', daemonVersion: '0.1.0', pid: '1' }],
    ['rejected without a message', { type: 'rejected', protocolVersion: '1.0', clientVersion: '2.0' }],
    ['a snapshot without sessions', { type: 'snapshot' }],
    ['a snapshot with a session missing a field', { type: 'snapshot', sessions: [{ ...busy, subagents: undefined }] }],
    ['a snapshot with negative subagents', { type: 'snapshot', sessions: [{ ...busy, subagents: -1 }] }],
    [
      'a snapshot with a bad pane id',
      { type: 'snapshot', sessions: [{ ...busy, tmux: { pane: '12', session: null, window: null } }] },
    ],
    ['an update with an invalid session id to remove', { type: 'update', upsert: [], remove: ['a b'] }],
    ['an update without remove', { type: 'update', upsert: [] }],
    ['ingested without statusLine', { type: 'ingested' }],
    ['an error without a message', { type: 'error', code: 'bad-json' }],
  ])('daemon message: %s', (_rule, value) => {
    expect(daemonMessageSchema.safeParse(value).success).toBe(false);
  });

  it.each<[rule: string, value: unknown]>([
    ['no atm version', { kind: 'hook', ts: 1 }],
    ['a garbage atm version', { atm: 'yes', kind: 'hook', ts: 1 }],
    ['no kind', { atm: '1.0', ts: 1 }],
    ['no ts', { atm: '1.0', kind: 'hook' }],
  ])('envelope: %s', (_rule, value) => {
    expect(envelopeSchema.safeParse(value).success).toBe(false);
  });
});

describe('a newer daemon: values this version does not know are read tolerantly (defect 15)', () => {
  it.each<[rule: string, patch: Record<string, unknown>, expected: Record<string, unknown>]>([
    ['an unknown status reads as working', { status: 'compacting' }, { status: 'working' }],
    [
      'an unknown waiting reason reads as a question',
      { status: 'waiting', waitingFor: 'coffee' },
      { waitingFor: 'question' },
    ],
    ['an agent this version has no integration for is kept by name', { agent: 'codex' }, { agent: 'codex' }],
  ])('%s', (_rule, patch, expected) => {
    const read = readDaemonMessage({ type: 'snapshot', sessions: [{ ...busy, ...patch }] });
    expect(read.ok && read.message.type === 'snapshot' && read.message.sessions[0]).toMatchObject(expected);
  });

  it('a session it cannot read at all is left out alone, and said why; the others stay', () => {
    const other = { ...busy, id: 'other-1' };
    const read = readDaemonMessage({ type: 'snapshot', sessions: [{ ...busy, subagents: 'many' }, other] });
    expect(read.ok && read.message.type === 'snapshot' && read.message.sessions.map((x) => x.id)).toEqual(['other-1']);
    expect(read.ok && read.dropped).toEqual([
      { id: busy.id, problem: expect.stringMatching(/^session .* \(subagents: /) },
    ]);
  });

  it('the same holds for an update', () => {
    const read = readDaemonMessage({ type: 'update', upsert: [{ ...busy, pid: 'x' }], remove: [] });
    expect(read.ok && read.message.type === 'update' && read.message.upsert).toEqual([]);
    expect(read.ok && read.dropped).toHaveLength(1);
  });

  it('a message it cannot read says why', () => {
    expect(readDaemonMessage({ type: 'welcome' })).toMatchObject({ ok: false });
  });
});

describe('a newer MINOR: unknown fields are stripped, not refused', () => {
  it.each<[rule: string, value: Record<string, unknown>, expected: ClientMessage]>([
    [
      'hello with extra fields',
      { type: 'hello', protocolVersion: '1.7', role: 'cli', features: ['x'] },
      { type: 'hello', protocolVersion: '1.7', role: 'cli' },
    ],
    ['ping with extra fields', { type: 'ping', id: 1, priority: 'high' }, { type: 'ping', id: 1 }],
    [
      'ingest with extra fields (the payload itself untouched)',
      { type: 'ingest', kind: 'hook', ts: 1, payload: { keep: 'me' }, cpu: 3 },
      { type: 'ingest', kind: 'hook', ts: 1, payload: { keep: 'me' } },
    ],
    [
      'an unknown role reads as "other"',
      { type: 'hello', protocolVersion: '1.2', role: 'robot' },
      { type: 'hello', protocolVersion: '1.2', role: 'other' },
    ],
    [
      'a missing role reads as "other"',
      { type: 'hello', protocolVersion: '1.0' },
      { type: 'hello', protocolVersion: '1.0', role: 'other' },
    ],
  ])('client: %s', (_rule, value, expected) => {
    expect(clientMessageSchema.parse(value)).toEqual(expected);
  });

  it.each<[rule: string, value: Record<string, unknown>, expected: DaemonMessage]>([
    [
      'welcome with extra fields',
      { type: 'welcome', protocolVersion: '1.3', daemonVersion: '0.3.0', pid: 5, uptimeMs: 10 },
      { type: 'welcome', protocolVersion: '1.3', daemonVersion: '0.3.0', pid: 5 },
    ],
    [
      'a session with a field from the future',
      { type: 'snapshot', sessions: [{ ...busy, mood: 'happy', tool: { ...busy.tool, exitCode: 0 } }] },
      { type: 'snapshot', sessions: [busy] },
    ],
    [
      'a tool without a summary (an older daemon) reads as summary null',
      { type: 'snapshot', sessions: [{ ...busy, tool: { name: 'Bash', startedAt: busy.tool?.startedAt } }] },
      {
        type: 'snapshot',
        sessions: [{ ...busy, tool: { name: 'Bash', startedAt: busy.tool?.startedAt ?? '', summary: null } }],
      },
    ],
    [
      'an unknown error code reads as "internal"',
      { type: 'error', code: 'quota-exceeded', message: 'slow down' },
      { type: 'error', code: 'internal', message: 'slow down' },
    ],
  ])('daemon: %s', (_rule, value, expected) => {
    expect(daemonMessageSchema.parse(value)).toEqual(expected);
  });

  it('an envelope from a newer client drops fields it does not know', () => {
    expect(envelopeSchema.parse({ atm: '1.9', kind: 'hook', ts: 1, shell: 'zsh' })).toEqual({
      atm: '1.9',
      kind: 'hook',
      ts: 1,
    });
  });
});
