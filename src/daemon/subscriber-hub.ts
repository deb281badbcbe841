import type { Duplex } from 'node:stream';
import type { Session } from '../domain/session.js';
import type { Logger } from '../platform/logger.js';
import { ChangeBatcher } from './change-batcher.js';
import type { RegistryObserver, SessionTransition } from './registry-observer.js';
import { Subscriber } from './subscriber.js';

/** The subscribed clients: a bounded set, fed coalesced batches of registry changes. An observer. */
export class SubscriberHub implements RegistryObserver {
  readonly name = 'subscribers';
  readonly #subscribers = new Map<Duplex, Subscriber>();
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

  add(socket: Duplex): { ok: true } | { ok: false; message: string } {
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

  remove(socket: Duplex): void {
    this.#subscribers.delete(socket);
  }

  observe(transition: SessionTransition): void {
    if (transition.before === transition.after) return; // bookkeeping only: nothing a client sees
    this.#batcher.add(transition);
  }

  /** Sends what is pending now, without waiting for the batch interval. */
  flush(): void {
    this.#batcher.flushNow();
  }

  /** Sends what is pending and stops the timer. */
  close(): Promise<void> {
    this.#batcher.flushNow();
    this.#batcher.close();
    return Promise.resolve();
  }
}
