import { expect } from 'vitest';
import { hook, sessionId } from './claude-payloads.js';
import { sendOneShot } from './one-shot-client.js';
import { pollFor } from './poll.js';
import { connectWire, type WireClient } from './wire-client.js';

/** A session as `list`, `snapshot` and `update` carry it (docs/PROTOCOL.md), loosely typed for tests. */
export interface WireSession {
  readonly id: string;
  readonly status: string;
  readonly waitingFor: string | null;
  readonly [field: string]: unknown;
}

/** One `list` over a fresh connection: the sessions atmd holds now. */
export async function listSessions(socketPath: string): Promise<WireSession[]> {
  await using client = await connectWire(socketPath);
  const welcome = await client.hello();
  if (welcome.type !== 'welcome') throw new Error(`expected welcome, got ${JSON.stringify(welcome)}`);
  client.send({ type: 'list', id: 'probe' });
  const reply = await client.next();
  if (reply.type !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(reply)}`);
  return reply.sessions as WireSession[];
}

/** Polls `list` until session `id` is there and `check` accepts it (or is absent, with `absent`). */
export function waitForSession(
  socketPath: string,
  id: string,
  check: (session: WireSession) => boolean = () => true,
): Promise<WireSession> {
  return pollFor(
    async () => {
      const found = (await listSessions(socketPath)).find((session) => session.id === id);
      return found !== undefined && check(found) ? found : undefined;
    },
    { what: `session ${id} in atmd's list` },
  );
}

export async function waitForSessionGone(socketPath: string, id: string, timeoutMs = 10_000): Promise<void> {
  await pollFor(async () => ((await listSessions(socketPath)).some((s) => s.id === id) ? undefined : true), {
    what: `session ${id} to leave atmd's list`,
    timeoutMs,
  });
}

/** A session connection (hello done) kept open across a test, to prove atmd still serves it. */
export async function openBystander(socketPath: string): Promise<WireClient> {
  const client = await connectWire(socketPath);
  expect(await client.hello()).toMatchObject({ type: 'welcome' });
  return client;
}

/**
 * Proves atmd still serves everyone else: the bystander (connected before the trouble) still
 * answers ping with its id, and a fresh hook report still lands in the registry.
 */
export async function expectStillServing(socketPath: string, bystander: WireClient): Promise<void> {
  const id = `still-${Math.random().toString(36).slice(2)}`;
  bystander.send({ type: 'ping', id });
  expect(await bystander.next()).toEqual({ type: 'pong', id });
  const session = sessionId('alive');
  expect(await sendOneShot(socketPath, { kind: 'hook' }, hook(session, 'UserPromptSubmit'))).toBe('');
  const landed = await waitForSession(socketPath, session);
  expect(landed).toMatchObject({ id: session, status: 'working' });
}
