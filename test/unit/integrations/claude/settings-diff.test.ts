import { describe, expect, it } from 'vitest';
import { toUnifiedDiff } from '../../../../src/integrations/claude/settings-diff.js';

const LABELS = { before: 'a/settings.json', after: 'b/settings.json' };

/** Applies a unified diff the way `patch` does (strictly: context must match), to check hunks and counts. */
function applyDiff(before: string, diff: string): string {
  const source = before.split('\n');
  if (source.at(-1) === '') source.pop();
  const out: string[] = [];
  let next = 0;
  const lines = diff.trimEnd().split('\n').slice(2);
  for (let i = 0; i < lines.length;) {
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[i]!);
    if (header === null) throw new Error(`bad hunk header: ${lines[i]}`);
    const [startA, countA, , countB] = header.slice(1).map(Number) as [number, number, number, number];
    const from = countA === 0 ? startA : startA - 1;
    out.push(...source.slice(next, from));
    next = from;
    let seenA = 0;
    let seenB = 0;
    for (i += 1; i < lines.length && !lines[i]!.startsWith('@@'); i += 1) {
      const [kind, text] = [lines[i]![0], lines[i]!.slice(1)];
      if (kind !== '+') {
        expect(source[next]).toBe(text);
        next += 1;
        seenA += 1;
      }
      if (kind !== '-') {
        out.push(text);
        seenB += 1;
      }
    }
    expect([seenA, seenB]).toEqual([countA, countB]);
  }
  out.push(...source.slice(next));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

const numbered = (count: number, change: (n: number) => string | null = (n) => `line ${n}`): string =>
  `${Array.from({ length: count }, (_, n) => change(n + 1))
    .filter((line) => line !== null)
    .join('\n')}\n`;

describe('toUnifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(toUnifiedDiff('{}\n', '{}\n', LABELS)).toBe('');
  });

  it('shows a change with three lines of context', () => {
    const before = numbered(10);
    const after = numbered(10, (n) => (n === 5 ? 'line five' : `line ${n}`));
    expect(toUnifiedDiff(before, after, LABELS)).toBe(
      [
        '--- a/settings.json',
        '+++ b/settings.json',
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five',
        ' line 6',
        ' line 7',
        ' line 8',
        '',
      ].join('\n'),
    );
  });

  it.each<[name: string, before: string, after: string]>([
    ['a new file', '', '{\n  "a": 1\n}\n'],
    ['an emptied file', '{\n  "a": 1\n}\n', ''],
    ['two distant changes', numbered(40), numbered(40, (n) => (n === 3 || n === 35 ? `changed ${n}` : `line ${n}`))],
    ['two near changes', numbered(40), numbered(40, (n) => (n === 10 || n === 15 ? null : `line ${n}`))],
    ['lines added at the end', numbered(5), `${numbered(5)}more\nand more\n`],
    ['lines added at the start', numbered(5), `first\n${numbered(5)}`],
  ])('describes %s so that applying it gives the new text', (_name, before, after) => {
    expect(applyDiff(before, toUnifiedDiff(before, after, LABELS))).toBe(after);
  });
});
