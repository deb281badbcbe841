import { PassThrough, Writable } from 'node:stream';

/**
 * A fake terminal for tests and benches: pass `{ stdin, stdout }` to createTerminalKitScreen and
 * read back exactly what terminal-kit wrote (e.g. bytes per single-session update), or type into
 * `stdin` as a user would.
 */
export interface CountingTty {
  readonly stdin: PassThrough;
  readonly stdout: Writable;
  /** Everything written since the last call, which starts a new count. */
  take(): Buffer;
}

export function createCountingTty(size: { width: number; height: number }): CountingTty {
  const chunks: Buffer[] = [];
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    }),
    { isTTY: true, columns: size.width, rows: size.height },
  );
  // terminal-kit switches the input to raw mode; a PassThrough has no such mode, so ignore it.
  const stdin: PassThrough = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  return {
    stdin,
    stdout,
    take() {
      const all = Buffer.concat(chunks);
      chunks.length = 0;
      return all;
    },
  };
}
