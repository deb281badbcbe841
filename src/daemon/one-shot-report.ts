import { HOOK_ACK, type Envelope } from '../protocol/messages.js';
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

  /** False when the report grew past the limit (it is then dropped). */
  add(chunk: Buffer): boolean {
    if (chunk.length === 0) return true;
    this.#bytes += chunk.length;
    if (this.#bytes > this.#maxBytes) return false;
    this.#body.push(chunk);
    return true;
  }

  async finish(host: ConnectionHost): Promise<string | undefined> {
    const envelope = this.#envelope;
    const payload = parseJson(Buffer.concat(this.#body).toString('utf8'));
    if (!payload.ok) {
      host.logger.debug('one-shot report is not JSON', { kind: envelope.kind, reason: payload.reason });
      return undefined;
    }
    const result = await host.ingest(envelope, payload.value);
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
}
