import { describe, expect, it } from 'vitest';
import { LineDecoder, type DecodedLine } from '../../../src/protocol/line-decoder.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

/** Feeds chunks, then EOF; returns every line (and overflow marker) in order, plus what end() gave. */
function decode(chunks: readonly Uint8Array[], maxLineBytes = 1024): { items: DecodedLine[]; rest: string | null } {
  const decoder = new LineDecoder({ maxLineBytes });
  const items = chunks.flatMap((chunk) => decoder.push(chunk));
  return { items, rest: decoder.end() };
}

const lines = (...texts: string[]): DecodedLine[] => texts.map((text) => ({ type: 'line', text }));

/** Every way to cut `data` in two, and into single bytes. */
function splits(data: Uint8Array): Uint8Array[][] {
  const ways: Uint8Array[][] = [];
  for (let i = 0; i <= data.length; i += 1) ways.push([data.subarray(0, i), data.subarray(i)]);
  ways.push(Array.from(data, (byte) => bytes(byte)));
  return ways;
}

describe('LineDecoder: across chunk boundaries', () => {
  it.each<[rule: string, input: string, expected: string[], rest: string | null]>([
    ['one line', 'hello\n', ['hello'], null],
    ['several lines', 'a\nbb\nccc\n', ['a', 'bb', 'ccc'], null],
    ['multi-byte characters (2, 3 and 4 bytes)', 'café\n世界\n🚀 launch\n', ['café', '世界', '🚀 launch'], null],
    ['JSON lines', '{"type":"ping","id":1}\n{"type":"list"}\n', ['{"type":"ping","id":1}', '{"type":"list"}'], null],
    ['CRLF endings', 'a\r\nb\r\n', ['a', 'b'], null],
    ['a lone CR inside a line stays', 'a\rb\n', ['a\rb'], null],
    ['empty lines come out empty', '\n\na\n\n', ['', '', 'a', ''], null],
    ['a trailing partial line comes out at end()', 'a\nlast', ['a'], 'last'],
    ['a trailing partial multi-byte line at end()', 'a\nzürich 🚀', ['a'], 'zürich 🚀'],
    ['a trailing partial line ending in CR at end()', 'a\nlast\r', ['a'], 'last'],
  ])('%s, cut at every byte', (_rule, input, expected, rest) => {
    for (const chunks of splits(utf8(input))) {
      expect(decode(chunks)).toEqual({ items: lines(...expected), rest });
    }
  });

  it('a multi-byte character split across three chunks decodes whole', () => {
    const rocket = utf8('🚀\n'); // F0 9F 9A 80 0A
    expect(decode([rocket.subarray(0, 1), rocket.subarray(1, 3), rocket.subarray(3)]).items).toEqual(lines('🚀'));
  });

  it('many lines in one chunk, in order', () => {
    const texts = Array.from({ length: 1000 }, (_, i) => `{"n":${i}}`);
    expect(decode([utf8(texts.map((t) => `${t}\n`).join(''))]).items).toEqual(lines(...texts));
  });

  it('does not keep a reference to the caller’s chunk (sockets reuse buffers)', () => {
    const decoder = new LineDecoder({ maxLineBytes: 100 });
    const chunk = utf8('abc');
    decoder.push(chunk);
    chunk.fill(0x78);
    expect(decoder.push(utf8('\n'))).toEqual(lines('abc'));
  });

  it('accepts Node Buffers as chunks', () => {
    const buffer = Buffer.from('a\nb\n');
    expect(new LineDecoder({ maxLineBytes: 10 }).push(buffer)).toEqual(lines('a', 'b'));
  });

  it.each<[rule: string, input: Uint8Array]>([
    ['a continuation byte with no lead', bytes(0x61, 0x80, 0x62, 0x0a)],
    ['an invalid byte', bytes(0x61, 0xff, 0x62, 0x0a)],
    ['a truncated 3-byte sequence before the newline', bytes(0x61, 0xe4, 0xb8, 0x62, 0x0a)],
    ['an overlong encoding of "/"', bytes(0x61, 0xc0, 0xaf, 0x62, 0x0a)],
    ['an encoded surrogate (CESU-8)', bytes(0x61, 0xed, 0xa0, 0x80, 0x62, 0x0a)],
  ])('invalid UTF-8 becomes U+FFFD, never a throw: %s', (_rule, input) => {
    const [item] = decode([input]).items;
    expect(item?.type).toBe('line');
    const text = item?.type === 'line' ? item.text : '';
    expect(text.startsWith('a') && text.endsWith('b')).toBe(true);
    expect(text.slice(1, -1)).toMatch(/^\uFFFD+$/);
  });

  it('invalid UTF-8 in a partial line at end() becomes U+FFFD', () => {
    expect(decode([bytes(0x61, 0xf0, 0x9f)]).rest).toBe('a\uFFFD');
  });
});

describe('LineDecoder: the line limit', () => {
  const LIMIT = 10;
  it.each<[rule: string, chunks: readonly string[], expected: DecodedLine[]]>([
    ['exactly the limit is a line', ['0123456789\n'], lines('0123456789')],
    ['one over the limit overflows', ['0123456789A\n'], [{ type: 'overflow' }]],
    ['the limit counts bytes, not characters (5 × 2 bytes fits)', ['ééééé\n'], lines('ééééé')],
    ['the limit counts bytes, not characters (5 × 2 + 1 overflows)', ['éééééa\n'], [{ type: 'overflow' }]],
    ['the newline itself does not count', ['01234', '56789', '\n'], lines('0123456789')],
    [
      'a CR before the newline counts',
      ['012345678\r\n', '0123456789\r\n'],
      [...lines('012345678'), { type: 'overflow' }],
    ],
    ['one over, spread across chunks', ['012345', '6789A', '\n'], [{ type: 'overflow' }]],
    ['one over, with no newline yet: overflow at once', ['0123456789A'], [{ type: 'overflow' }]],
    [
      'lines before the long one still come out',
      ['ok\nfine\n0123456789A\nlater\n'],
      [...lines('ok', 'fine'), { type: 'overflow' }],
    ],
    ['nothing comes out after an overflow', ['0123456789A\n', 'a\n', 'b\n'], [{ type: 'overflow' }]],
    ['each line has its own budget', ['0123456789\n0123456789\n'], lines('0123456789', '0123456789')],
  ])('%s', (_rule, chunks, expected) => {
    expect(decode(chunks.map(utf8), LIMIT).items).toEqual(expected);
  });

  it('never holds more than the limit', () => {
    const decoder = new LineDecoder({ maxLineBytes: LIMIT });
    for (let i = 0; i < 50; i += 1) {
      decoder.push(utf8('xyz'));
      expect(decoder.pendingBytes).toBeLessThanOrEqual(LIMIT);
    }
  });

  it.each<[rule: string, chunks: readonly string[], rest: string | null]>([
    ['a partial line exactly at the limit comes out at end()', ['0123456789'], '0123456789'],
    ['end() after an overflow gives nothing', ['0123456789A'], null],
    ['end() with nothing pending gives nothing', ['a\n'], null],
    ['end() on an empty stream gives nothing', [], null],
  ])('%s', (_rule, chunks, rest) => {
    expect(decode(chunks.map(utf8), LIMIT).rest).toBe(rest);
  });

  it('end() hands over the pending line once', () => {
    const decoder = new LineDecoder({ maxLineBytes: LIMIT });
    decoder.push(utf8('tail'));
    expect([decoder.end(), decoder.end(), decoder.pendingBytes]).toEqual(['tail', null, 0]);
  });
});
