import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** Enough to tell whether a file changed since it was last read. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export interface FileTail {
  readonly text: string;
  /** True when `text` starts at the file's first byte (the file is no longer than the tail). */
  readonly fromStart: boolean;
  readonly stamp: FileStamp;
}

const toStamp = (s: { size: number; mtimeMs: number; ino: number }): FileStamp => ({
  size: s.size,
  mtimeMs: s.mtimeMs,
  ino: s.ino,
});

export const sameStamp = (a: FileStamp | null, b: FileStamp | null): boolean =>
  a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

/** The file's stamp, or null when it is missing, unreadable or not a regular file. Never throws. */
export async function stampFile(path: string): Promise<FileStamp | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? toStamp(s) : null;
  } catch {
    return null;
  }
}

/**
 * The last `maxBytes` of a file in one read, however large the file (a transcript grows to
 * hundreds of MB). Null when it is missing, unreadable or not a regular file. Never throws.
 */
export async function readFileTail(path: string, maxBytes: number): Promise<FileTail | null> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    // O_NONBLOCK: a FIFO planted at the path must not park a libuv thread until a writer comes.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const s = await handle.stat();
    if (!s.isFile()) return null;
    const length = Math.min(s.size, maxBytes);
    const position = s.size - length;
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return { text: buffer.toString('utf8', 0, bytesRead), fromStart: position === 0, stamp: toStamp(s) };
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
