import { z } from 'zod';

/**
 * What the end of a Claude Code transcript (JSONL, one record per line) says about an
 * interrupt. When the user presses Esc, Claude Code fires no hook but appends a user record
 * whose text is `[Request interrupted by user]` (or `… for tool use]` during a tool). If that is
 * the last conversation record, the turn ended there; anything after it (an assistant reply, a
 * tool result, a new prompt) means the session went on.
 */
export interface TranscriptInterrupt {
  /** The record's own timestamp (epoch ms), or null when it has none we can read. */
  readonly atMs: number | null;
}

const blockSchema = z.looseObject({
  type: z.string().optional().catch(undefined),
  text: z.string().optional().catch(undefined),
  content: z.unknown().optional(),
});
const recordSchema = z.looseObject({
  type: z.string().optional().catch(undefined),
  isSidechain: z.boolean().optional().catch(undefined),
  isMeta: z.boolean().optional().catch(undefined),
  timestamp: z.string().optional().catch(undefined),
  message: z
    .looseObject({
      content: z
        .union([z.string(), z.array(z.unknown())])
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});
type TranscriptRecord = z.infer<typeof recordSchema>;

const MARKER = /^\[Request interrupted by user[^\]\n]*\]$/;
const isMarker = (text: string): boolean => MARKER.test(text.trim());

/** The texts a block shows: a text block's text, a tool result's string or text blocks. */
function blockTexts(raw: unknown): { kind: string; texts: string[] } {
  const block = blockSchema.safeParse(raw);
  if (!block.success) return { kind: 'unknown', texts: [] };
  const { type, text, content } = block.data;
  if (type === 'text') return { kind: 'text', texts: text === undefined ? [] : [text] };
  if (type !== 'tool_result') return { kind: type ?? 'unknown', texts: [] };
  if (typeof content === 'string') return { kind: 'tool_result', texts: [content] };
  const inner = Array.isArray(content) ? content.flatMap((item) => blockTexts(item).texts) : [];
  return { kind: 'tool_result', texts: inner };
}

type Kind = 'interrupt' | 'other' | 'skip';

/** Conversation records decide; bookkeeping records (mode, summary, snapshots, meta, sidechains) are skipped. */
function classify(record: TranscriptRecord): Kind {
  if (record.isSidechain === true || record.isMeta === true) return 'skip';
  if (record.type === 'assistant') return 'other';
  if (record.type !== 'user') return 'skip';
  const content = record.message?.content;
  if (typeof content === 'string') return isMarker(content) ? 'interrupt' : 'other';
  const blocks = (content ?? []).map(blockTexts);
  const texts = blocks.flatMap((block) => block.texts).filter((text) => text.trim().length > 0);
  return texts.length > 0 && texts.every(isMarker) ? 'interrupt' : 'other';
}

function parseLine(line: string): TranscriptRecord | null {
  if (line.trim().length === 0) return null;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * How a transcript's tail ends: with an interrupt as its last conversation record, with
 * anything else, or `unknown` when the tail holds no whole conversation record to judge by
 * (a larger tail may).
 */
export type TranscriptEnd =
  | { readonly kind: 'interrupted'; readonly interrupt: TranscriptInterrupt }
  | { readonly kind: 'continued' }
  | { readonly kind: 'unknown' };

/**
 * Reads the tail of a transcript. `fromStart` says whether `tail` begins at the file's first
 * byte; otherwise its first line is a fragment and is dropped. Lines that are not JSON (a record
 * being written) are skipped.
 */
export function readTranscriptEnd(tail: string, fromStart: boolean): TranscriptEnd {
  const lines = tail.split('\n');
  if (!fromStart) lines.shift();
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const record = parseLine(lines[index] ?? '');
    if (record === null) continue;
    const kind = classify(record);
    if (kind === 'skip') continue;
    if (kind === 'other') return { kind: 'continued' };
    const atMs = record.timestamp === undefined ? Number.NaN : Date.parse(record.timestamp);
    return { kind: 'interrupted', interrupt: { atMs: Number.isFinite(atMs) ? atMs : null } };
  }
  return { kind: 'unknown' };
}
