import type { Duplex } from 'node:stream';
import { encodeMessage } from '../protocol/encode.js';
import type { DaemonMessage } from '../protocol/messages.js';
import type { ChangeBatch } from './change-batcher.js';

/**
 * One subscribed client. Writes go straight to the socket while it keeps up; while the kernel
 * buffer is full they queue, and a client more than `maxQueued` messages behind is not left
 * silently stale: its queue is dropped and it gets a fresh snapshot once it drains.
 */
export class Subscriber {
  readonly #socket: Duplex;
  readonly #maxQueued: number;
  readonly #snapshot: () => DaemonMessage;
  #queue: string[] = [];
  #resync = false;
  #resyncs = 0;

  constructor(socket: Duplex, options: { maxQueued: number; snapshot: () => DaemonMessage }) {
    this.#socket = socket;
    this.#maxQueued = options.maxQueued;
    this.#snapshot = options.snapshot;
    socket.on('drain', () => this.#drain());
  }

  /** How many times this client fell behind and was resynced. */
  get resyncs(): number {
    return this.#resyncs;
  }

  send(batch: ChangeBatch): void {
    if (this.#resync) return; // a snapshot is coming; it will contain this batch
    const line = encodeMessage({ type: 'update', upsert: batch.upsert, remove: batch.remove });
    if (!this.#socket.writableNeedDrain && this.#queue.length === 0) {
      this.#socket.write(line);
      return;
    }
    this.#queue.push(line);
    if (this.#queue.length > this.#maxQueued) {
      this.#queue = [];
      this.#resync = true;
      this.#resyncs += 1;
    }
  }

  #drain(): void {
    if (this.#socket.destroyed) return;
    if (this.#resync) {
      this.#resync = false;
      this.#socket.write(encodeMessage(this.#snapshot()));
      return;
    }
    while (this.#queue.length > 0 && !this.#socket.writableNeedDrain) {
      this.#socket.write(this.#queue.shift() ?? '');
    }
  }
}
