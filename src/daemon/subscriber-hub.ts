import type { Socket } from 'node:net';
import type { RegistryChange } from '../domain/registry.js';
import type { Session } from '../domain/session.js';
import type { Logger } from '../platform/logger.js';
import { ChangeBatcher } from './change-batcher.js';
import { Subscriber } from './subscriber.js';

/** The subscribed clients: a bounded set, fed coalesced batches of registry changes. */
export class SubscriberHub {
  readonly #subscribers = new Map<Socket, Subscriber>();
  readonly #batcher: ChangeBatcher;
  readonly #options: { maxSubscribers: number; maxQueued: number; sessions: () => Session[]; logger: Logger };

  constructor(options: {
    maxSubscribers: number;
    maxQueued: number;
    maxUpdatesPerSecond: number;
    now: () => number;
    sessions: () => Session[];
    logger: Logger;
  }) {
    this.#options = options;
    this.#batcher = new ChangeBatcher({
      intervalMs: 1000 / options.maxUpdatesPerSecond,
      now: options.now,
      flush: (batch) => {
        for (const subscriber of this.#subscribers.values()) subscriber.send(batch);
      },
    });
  }

  get size(): number {
    return this.#subscribers.size;
  }

  add(socket: Socket): { ok: true } | { ok: false; message: string } {
    if (this.#subscribers.has(socket)) return { ok: true };
    const max = this.#options.maxSubscribers;
    if (this.#subscribers.size >= max) {
      this.#options.logger.warn('refused a subscriber over the limit', { maxSubscribers: max });
      return {
        ok: false,
        message: `atmd serves at most ${max} subscribed clients; close one or raise daemon.maxSubscribers`,
      };
    }
    this.#batcher.flushNow(); // the snapshot about to be sent already holds every pending change
    this.#subscribers.set(
      socket,
      new Subscriber(socket, {
        maxQueued: this.#options.maxQueued,
        snapshot: () => ({ type: 'snapshot', sessions: this.#options.sessions() }),
      }),
    );
    return { ok: true };
  }

  remove(socket: Socket): void {
    this.#subscribers.delete(socket);
  }

  publish(change: RegistryChange): void {
    this.#batcher.add(change);
  }

  /** Sends what is pending and stops the timer. */
  close(): void {
    this.#batcher.flushNow();
    this.#batcher.close();
  }
}
