import { z } from 'zod';
import { sessionSchema, type Session } from '../../../src/domain/session.js';
import { connectWire, type WireClient } from '../../helpers/wire-client.js';

/**
 * A subscriber on atmd that stamps every change it hears with this process's clock, so a test
 * can say *when* atm knew something (a dialog, an Esc, an exit) and compare it with when the
 * screen showed it. `atm list --json` says what atm shows; this says since when. Polling the
 * CLI could not: one `atm list` costs a Node start, a few hundred ms on a loaded machine.
 */
export interface AtmObservation {
  /** Date.now() when the message carrying this state arrived. */
  readonly atMs: number;
  readonly session: Session;
}

export interface AtmWatch extends AsyncDisposable {
  /** Every state of every session seen, in arrival order (the first snapshot included). */
  readonly history: readonly AtmObservation[];
  /** The first state of session `id` that arrived at or after `sinceMs` and passes `match`. */
  firstSince(id: string, sinceMs: number, match: (session: Session) => boolean): AtmObservation | undefined;
  /** When session `id` left atm's list at or after `sinceMs`, if it did. */
  removedSince(id: string, sinceMs: number): number | undefined;
  /**
   * The states session `id` went through since `sinceMs`, as "working", "waiting/permission",
   * "idle", repeats collapsed. atmd coalesces updates (10 a second), so a state that lasted
   * less than that may be missing; one that lasted seconds is always there.
   */
  trail(id: string, sinceMs: number): string[];
}

const toStateLabel = (session: Session): string =>
  session.waitingFor === null ? session.status : `${session.status}/${session.waitingFor}`;

const sessionsSchema = z.array(sessionSchema);
const messageSchema = z.looseObject({
  type: z.string(),
  id: z.unknown().optional(),
  sessions: sessionsSchema.optional(),
  upsert: sessionsSchema.optional(),
  remove: z.array(z.string()).optional(),
});

export async function watchAtm(socketPath: string): Promise<AtmWatch> {
  const client: WireClient = await connectWire(socketPath);
  const history: AtmObservation[] = [];
  const removals: { id: string; atMs: number }[] = [];
  const live = new Set<string>();
  const welcome = await client.hello('test');
  if (welcome['type'] !== 'welcome') throw new Error(`atmd did not welcome the watcher: ${JSON.stringify(welcome)}`);
  client.send({ type: 'subscribe', id: 'watch' });

  const record = (message: z.infer<typeof messageSchema>, atMs: number): void => {
    // A snapshot (the first one, or a fresh one after falling behind) is the whole list.
    const upserts = message.type === 'snapshot' ? (message.sessions ?? []) : (message.upsert ?? []);
    const removed =
      message.type === 'snapshot'
        ? [...live].filter((id) => !upserts.some((s) => s.id === id))
        : (message.remove ?? []);
    for (const session of upserts) {
      live.add(session.id);
      history.push({ atMs, session });
    }
    for (const id of removed) {
      live.delete(id);
      removals.push({ id, atMs });
    }
  };
  let closed = false;
  // A message that breaks the public contract is a finding: kept, and thrown at the next question.
  let broken: Error | undefined;
  const reading = (async () => {
    while (!closed && broken === undefined) {
      const raw = await client.next(3_600_000).catch(() => undefined);
      if (raw === undefined) return;
      const atMs = Date.now();
      const message = messageSchema.safeParse(raw);
      if (message.success) record(message.data, atMs);
      else broken = new Error(`atmd sent the watcher a message outside the protocol: ${JSON.stringify(raw)}`);
    }
  })();
  const healthy = (): void => {
    if (broken !== undefined) throw broken;
  };

  return {
    history,
    firstSince(id, sinceMs, match) {
      healthy();
      return history.find((seen) => seen.atMs >= sinceMs && seen.session.id === id && match(seen.session));
    },
    removedSince(id, sinceMs) {
      healthy();
      return removals.find((removal) => removal.id === id && removal.atMs >= sinceMs)?.atMs;
    },
    trail(id, sinceMs) {
      healthy();
      const labels = history
        .filter((seen) => seen.atMs >= sinceMs && seen.session.id === id)
        .map((seen) => toStateLabel(seen.session));
      return labels.filter((label, index) => index === 0 || labels[index - 1] !== label);
    },
    async [Symbol.asyncDispose]() {
      closed = true;
      client.close();
      await reading.catch(() => undefined);
    },
  };
}
