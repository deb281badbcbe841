import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSessionsFile } from '../../../../src/integrations/claude/sessions-file-reader.js';
import { readTranscriptEndOf } from '../../../../src/integrations/claude/transcript-end-reader.js';
import { readFileTail, stampFile } from '../../../../src/integrations/claude/transcript-reader.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';

const marker = (at: string): string =>
  `${JSON.stringify({ type: 'user', message: { content: [{ type: 'text', text: '[Request interrupted by user]' }] }, timestamp: at })}\n`;
const reply = `${JSON.stringify({ type: 'assistant', message: { content: [{ type: 'text', text: 'ok' }] } })}\n`;

/** The reading side: bounded, and never stuck or throwing on what it finds at a path. */
describe('reading what Claude Code leaves behind', () => {
  it('reads only the tail of a large file, and says whether it starts at the beginning', async () => {
    using dir = makeTempDir();
    const file = join(dir.path, 'big.jsonl');
    writeFileSync(file, `${'a'.repeat(100_000)}\nlast line\n`);
    const tail = await readFileTail(file, 1024);
    expect(tail).toMatchObject({ fromStart: false, stamp: { size: 100_011 } });
    expect(tail?.text).toHaveLength(1024);
    expect(tail?.text.endsWith('\nlast line\n')).toBe(true);
    expect((await readFileTail(file, 1_000_000))?.fromStart).toBe(true);
  });

  it.each([
    ['missing', (path: string) => path],
    ['a directory', (path: string) => (mkdirSync(path), path)],
  ])('answers null for a path that is %s', async (_what, make) => {
    using dir = makeTempDir();
    const path = make(join(dir.path, 'x'));
    expect(await readFileTail(path, 1024)).toBeNull();
    expect(await stampFile(path)).toBeNull();
    expect(await readTranscriptEndOf(path)).toBeNull();
  });

  it('is not stuck on a FIFO planted at the path (no writer ever comes)', async () => {
    using dir = makeTempDir();
    const fifo = join(dir.path, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await readFileTail(fifo, 1024)).toBeNull();
  });

  it('reads a larger tail when the first holds no whole conversation record', async () => {
    using dir = makeTempDir();
    const file = join(dir.path, 't.jsonl');
    const huge = `${JSON.stringify({ type: 'attachment', attachment: { type: 'prompt_snapshot', text: 'x'.repeat(50_000) } })}\n`;
    writeFileSync(file, reply + marker('2026-11-24T12:03:10.709Z') + huge);
    expect((await readTranscriptEndOf(file))?.end).toEqual({
      kind: 'interrupted',
      interrupt: { atMs: Date.parse('2026-11-24T12:03:10.709Z') },
    });
  });

  it('finds the sessions file in the first dir that has one, and tells a torn file from a missing one', async () => {
    using dir = makeTempDir();
    const [a, b] = ['a', 'b'].map((name) => join(dir.path, name));
    for (const d of [a, b]) mkdirSync(join(d ?? '', 'sessions'), { recursive: true });
    writeFileSync(join(b ?? '', 'sessions', '42.json'), '{"pid":42,"status":"idle"}');
    expect(await findSessionsFile([a ?? '', b ?? ''], 42)).toMatchObject({
      configDir: b,
      file: { pid: 42, status: 'idle' },
    });
    writeFileSync(join(a ?? '', 'sessions', '42.json'), '{"pid":42,"sta');
    expect(await findSessionsFile([a ?? '', b ?? ''], 42)).toEqual({ configDir: a, file: null });
    expect(await findSessionsFile([a ?? '', b ?? ''], 43)).toBeNull();
  });
});
