import { HOOK_ACK, type Envelope } from '../protocol/messages.js';
import { parseJsonObjectPrefix } from '../protocol/json-prefix.js';
import { parseJson } from '../protocol/wire-parsing.js';
import type { ConnectionHost } from './connection-host.js';

/**
 * The payload of one one-shot report, collected up to EOF and bounded. `finish` ingests it and
 * says what to answer: a status client prints whatever comes back, so the answer is the bare
 * status line (never JSON), a hook that asked for an ack gets HOOK_ACK once the report is saved,
 * and anything else gets nothing.
 */
export class OneShotReport {
  readonly #envelope: Envelope;
  readonly #maxBytes: number;
  readonly #body: Buffer[] = [];
  #bytes = 0;

  constructor(envelope: Envelope, maxBytes: number) {
    this.#envelope = envelope;
    this.#maxBytes = maxBytes;
  }

  /**
   * Keeps the first `maxBytes` of the payload and counts the rest without keeping it: a report
   * past the limit is cut, not dropped (issue 10, defect 12), and memory stays bounded.
   */
  add(chunk: Buffer): void {
    const room = this.#maxBytes - this.#bytes;
    this.#bytes += chunk.length;
    if (room <= 0 || chunk.length === 0) return;
    this.#body.push(room >= chunk.length ? chunk : chunk.subarray(0, room));
  }

  async finish(host: ConnectionHost): Promise<string | undefined> {
    const envelope = this.#envelope;
    const payload = this.#payload(host);
    if (payload === undefined) return undefined;
    // Only a hook report is taken once per id: a status report is answered with its line anyway.
    const reportId = envelope.kind === 'hook' ? envelope.id : undefined;
    const result = await host.ingest(envelope, payload, reportId);
    if (!result.ok) host.logger.debug('one-shot report refused', { code: result.code, message: result.message });
    if (envelope.kind === 'status')
      return result.ok && result.statusLine !== null ? `${result.statusLine}\n` : undefined;
    if (envelope.kind === 'hook' && envelope.ack === true) {
      // The ack promises the report survives a crash from here on: only once it is on disk.
      // A refused report is acked too: sending it again would not help.
      if (result.ok) await host.saved();
      return HOOK_ACK;
    }
    return undefined;
  }

  /** The payload as JSON; past the limit, the top-level fields that arrived whole. */
  #payload(host: ConnectionHost): unknown {
    const text = Buffer.concat(this.#body).toString('utf8');
    if (this.#bytes <= this.#maxBytes) {
      const payload = parseJson(text);
      if (payload.ok) return payload.value;
      host.logger.debug('one-shot report is not JSON', { kind: this.#envelope.kind, reason: payload.reason });
      return undefined;
    }
    const kept = parseJsonObjectPrefix(text);
    host.logger.info('one-shot report over the size limit: kept the fields before the cut', {
      bytes: this.#bytes,
      maxLineBytes: this.#maxBytes,
      kept: kept === null ? [] : Object.keys(kept),
    });
    return kept ?? undefined;
  }
}
