import { describe, expect, it } from 'vitest';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { waitForLog } from '../../helpers/daemon-log.js';
import { pollFor } from '../../helpers/poll.js';
import { connectWire, type WireClient } from '../../helpers/wire-client.js';

describe('daemon.maxSubscribers', () => {
  it('gives the subscriber over the limit too-many-subscribers and closes it', async () => {
    await using daemon = await startDaemon({ config: { daemon: { maxSubscribers: 2 } } });
    const subscribe = async (id: number): Promise<{ client: WireClient; reply: Record<string, unknown> }> => {
      const client = await connectWire(daemon.socketPath);
      await client.hello('tui');
      client.send({ type: 'subscribe', id });
      return { client, reply: await client.next() };
    };
    const first = await subscribe(1);
    await using _first = first.client;
    const second = await subscribe(2);
    await using _second = second.client;
    expect(first.reply).toEqual({ type: 'snapshot', id: 1, sessions: [] });
    expect(second.reply).toEqual({ type: 'snapshot', id: 2, sessions: [] });

    const third = await subscribe(3);
    await using _third = third.client;
    expect(third.reply).toEqual({
      type: 'error',
      id: 3,
      code: 'too-many-subscribers',
      message: 'atmd serves at most 2 subscribed clients; close one or raise daemon.maxSubscribers',
    });
    await third.client.closed();
    await waitForLog(
      daemon.stateDir,
      (r) => r.message === 'refused a subscriber over the limit' && r.level === 'warn',
      'refusal',
    );

    // Subscribing again on the same connection is not a second subscription.
    first.client.send({ type: 'subscribe', id: 'again' });
    expect(await first.client.next()).toEqual({ type: 'snapshot', id: 'again', sessions: [] });
    // Plain requests are not limited.
    await using lister = await connectWire(daemon.socketPath);
    await lister.hello();
    lister.send({ type: 'list', id: 9 });
    expect(await lister.next()).toEqual({ type: 'snapshot', id: 9, sessions: [] });

    // A subscriber that leaves frees its place.
    first.client.close();
    const replacement = await pollFor(
      async () => {
        const attempt = await subscribe(4);
        if (attempt.reply.type === 'snapshot') return attempt.client;
        attempt.client.close();
        return undefined;
      },
      { what: 'a free subscriber slot' },
    );
    await using _replacement = replacement;
  });
});
