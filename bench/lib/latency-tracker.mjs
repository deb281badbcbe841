import { markerOf } from './payloads.mjs';

/**
 * Matches reports sent to what a subscriber receives. A report (session, seq) counts as
 * delivered when the subscriber first sees that session in a state carrying seq or a later one:
 * with coalescing, a report superseded within a batch never travels on its own, and what a
 * dashboard shows is "a state at least this new". Latency = receipt time − send time, both
 * performance.now() in this process (one clock).
 */
export class LatencyTracker {
  /** @type {Map<string, { seq: number, sentAtMs: number }[]>} reports not yet seen, per session, in seq order */
  #pending = new Map();
  /** @type {number[]} */
  latenciesMs = [];
  /** Lines the subscriber received (atmd: coalesced updates; baseline: one per report). */
  messages = 0;
  /** @type {(() => void) | null} */
  #onDrained = null;
  #outstanding = 0;

  /** Notes a report about to be sent. */
  sent(/** @type {string} */ sessionId, /** @type {number} */ seq, /** @type {number} */ sentAtMs) {
    const queue = this.#pending.get(sessionId) ?? [];
    queue.push({ seq, sentAtMs });
    this.#pending.set(sessionId, queue);
    this.#outstanding += 1;
  }

  /**
   * Feeds one line the subscriber received: an atmd `update` (sessions in `upsert`), or the
   * baseline's relayed report (an `ingest` request or a bare Claude payload).
   */
  received(/** @type {string} */ line, /** @type {number} */ receivedAtMs) {
    const message = JSON.parse(line);
    /** @type {{ id: string, seq: number }[]} */
    let seen = [];
    if (message.type === 'update')
      seen = message.upsert.map((/** @type {any} */ s) => ({ id: s.id, seq: markerOf(s.cwd) }));
    else if (message.type === 'ingest') seen = [{ id: message.payload.session_id, seq: markerOf(message.payload.cwd) }];
    else if (typeof message.session_id === 'string') seen = [{ id: message.session_id, seq: markerOf(message.cwd) }];
    else return;
    this.messages += 1;
    for (const { id, seq } of seen) {
      const queue = this.#pending.get(id);
      while (queue !== undefined && queue.length > 0 && /** @type {{ seq: number }} */ (queue[0]).seq <= seq) {
        this.latenciesMs.push(receivedAtMs - /** @type {{ sentAtMs: number }} */ (queue.shift()).sentAtMs);
        this.#outstanding -= 1;
      }
    }
    if (this.#outstanding === 0) this.#onDrained?.();
  }

  /**
   * Resolves once every report sent has been delivered; rejects with the count still missing
   * after `timeoutMs` (a lost update is a bug, not a slow percentile).
   * @param {number} timeoutMs
   * @returns {Promise<void>}
   */
  drained(timeoutMs) {
    if (this.#outstanding === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.#outstanding} reports never reached the subscriber`)),
        timeoutMs,
      );
      this.#onDrained = () => {
        clearTimeout(timer);
        this.#onDrained = null;
        resolve();
      };
    });
  }
}
