import { Duplex } from 'node:stream';

/**
 * Two in-memory stream ends wired to each other, like a socket pair: what one writes the other
 * reads. `highWaterMark` is small so backpressure shows after a few replies. (Node 22 has
 * stream.duplexPair; Node 20, which atm supports, does not.)
 */
export function memoryDuplexPair(highWaterMark = 1024): [client: Duplex, server: Duplex] {
  let client: Duplex | null = null;
  let server: Duplex | null = null;
  const end = (peer: () => Duplex | null): Duplex =>
    new Duplex({
      highWaterMark,
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        const other = peer();
        // The write completes when the other end has room, as a socket's does.
        if (other === null || other.push(chunk)) callback();
        else waiting.set(other, callback);
      },
      final(callback) {
        peer()?.push(null);
        callback();
      },
    });
  const waiting = new Map<Duplex, () => void>();
  client = end(() => server);
  server = end(() => client);
  // Reading on one end frees room: complete the other end's pending write.
  for (const side of [client, server]) {
    const read = side._read.bind(side);
    side._read = (size: number) => {
      read(size);
      const callback = waiting.get(side);
      if (callback !== undefined) {
        waiting.delete(side);
        callback();
      }
    };
  }
  return [client, server];
}

/** Everything the end receives, as text, read as it comes. */
export function collectText(end: Duplex): { text: () => string; lines: () => string[] } {
  let text = '';
  end.setEncoding('utf8');
  end.on('data', (chunk: string) => (text += chunk));
  return { text: () => text, lines: () => text.split('\n').filter((line) => line.length > 0) };
}
