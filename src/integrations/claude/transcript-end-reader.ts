import { readFileTail, type FileStamp } from './transcript-reader.js';
import { readTranscriptEnd, type TranscriptEnd } from './transcript-tail.js';

/**
 * Tail sizes tried in turn. The records that decide are small and last (an interrupt marker,
 * then a few bookkeeping lines), so the first read nearly always settles it; a large record at
 * the end (a tool result holding a whole file) needs the second. Nothing beyond is read.
 */
export const TRANSCRIPT_TAIL_BYTES = [8 * 1024, 256 * 1024] as const;

export interface TranscriptEndRead {
  readonly end: TranscriptEnd;
  readonly stamp: FileStamp;
}

/** How the transcript at `path` ends, reading only its tail; null when it cannot be read. Never throws. */
export async function readTranscriptEndOf(path: string): Promise<TranscriptEndRead | null> {
  let last: TranscriptEndRead | null = null;
  for (const maxBytes of TRANSCRIPT_TAIL_BYTES) {
    const tail = await readFileTail(path, maxBytes);
    if (tail === null) return last;
    last = { end: readTranscriptEnd(tail.text, tail.fromStart), stamp: tail.stamp };
    if (last.end.kind !== 'unknown' || tail.fromStart) return last;
  }
  return last;
}
