/**
 * Splits a byte stream into lines, across chunk boundaries, without ever holding more than
 * `maxLineBytes` of one line. Bytes are kept as Buffers until a line is whole, so a multi-byte
 * UTF-8 character split between chunks is decoded correctly.
 */
export type DecodedLine = { readonly type: 'line'; readonly text: string } | { readonly type: 'overflow' };

export class LineDecoder {
  readonly #maxLineBytes: number;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #overflowed = false;

  constructor(options: { maxLineBytes: number }) {
    this.#maxLineBytes = options.maxLineBytes;
  }

  /** Feeds one chunk; returns the whole lines it completed, or an overflow (after which it yields nothing). */
  push(chunk: Uint8Array): DecodedLine[] {
    if (this.#overflowed) return [];
    const out: DecodedLine[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      if (this.#pendingBytes + (end - start) > this.#maxLineBytes) {
        this.#overflow();
        out.push({ type: 'overflow' });
        return out;
      }
      if (nl === -1) {
        if (end > start) this.#keep(chunk.subarray(start, end));
        return out;
      }
      this.#keep(chunk.subarray(start, end));
      out.push({ type: 'line', text: this.#take() });
      start = nl + 1;
    }
  }

  /** What is left after EOF: the last line when it had no newline. */
  end(): string | null {
    if (this.#overflowed || this.#pendingBytes === 0) return null;
    return this.#take();
  }

  get pendingBytes(): number {
    return this.#pendingBytes;
  }

  #keep(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.#pending.push(bytes.slice());
    this.#pendingBytes += bytes.length;
  }

  #take(): string {
    const joined = new Uint8Array(this.#pendingBytes);
    let offset = 0;
    for (const part of this.#pending) {
      joined.set(part, offset);
      offset += part.length;
    }
    this.#pending = [];
    this.#pendingBytes = 0;
    const text = decoder.decode(joined);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  }

  #overflow(): void {
    this.#overflowed = true;
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}

// TextDecoder is a global in every runtime we support, but this folder compiles without Node or DOM
// types on purpose (tsconfig.pure.json), so it is looked up through a minimal structural type.
type Utf8Decoder = { decode(bytes: Uint8Array): string };
const { TextDecoder: TextDecoderClass } = globalThis as unknown as { TextDecoder: new (label: string) => Utf8Decoder };
const decoder = new TextDecoderClass('utf-8');
