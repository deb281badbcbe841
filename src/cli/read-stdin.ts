import type { Readable } from 'node:stream';

/**
 * Reads a stream to its end, keeping at most `maxBytes` (the rest is drained and dropped, and
 * `truncated` says so) and giving up after `timeoutMs`. Never throws: a hook must not.
 */
export function readAll(
  stream: Readable,
  options: { maxBytes: number; timeoutMs: number },
): Promise<{ bytes: Buffer; truncated: boolean; timedOut: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let settled = false;
    const finish = (timedOut: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stream.removeAllListeners('data');
      if (timedOut) stream.pause();
      resolve({ bytes: Buffer.concat(chunks), truncated, timedOut });
    };
    const timer = setTimeout(() => finish(true), options.timeoutMs);
    stream.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (size + buffer.length > options.maxBytes) {
        truncated = true;
        return;
      }
      chunks.push(buffer);
      size += buffer.length;
    });
    stream.once('end', () => finish(false));
    stream.once('error', () => finish(false));
  });
}
