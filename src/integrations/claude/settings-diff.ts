/**
 * A unified diff of two texts (what `atm setup --dry-run` shows). Pure. Line-based LCS: settings
 * files are a few hundred lines, so the quadratic table is small and the code stays obvious.
 */
type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

const CONTEXT_LINES = 3;

export function toUnifiedDiff(before: string, after: string, labels: { before: string; after: string }): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const out = [`--- ${labels.before}`, `+++ ${labels.after}`];
  for (const hunk of toHunks(ops)) out.push(...hunk);
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ kind: '-', line: a[i]! }); // deletions first, as diff(1) shows them
      i += 1;
    } else {
      ops.push({ kind: '+', line: b[j]! });
      j += 1;
    }
  }
  return ops;
}

/** Groups changes with CONTEXT_LINES of context into `@@ -a,n +b,m @@` hunks. */
function toHunks(ops: readonly Op[]): string[][] {
  const hunks: string[][] = [];
  let index = 0;
  let lineA = 1;
  let lineB = 1;
  while (index < ops.length) {
    const firstChange = ops.findIndex((op, k) => k >= index && op.kind !== ' ');
    if (firstChange === -1) break;
    const start = Math.max(index, firstChange - CONTEXT_LINES);
    lineA += start - index;
    lineB += start - index;
    let end = firstChange;
    let quiet = 0;
    while (end < ops.length && quiet <= 2 * CONTEXT_LINES) {
      quiet = ops[end]!.kind === ' ' ? quiet + 1 : 0;
      end += 1;
    }
    end = Math.min(ops.length, end - Math.max(0, quiet - CONTEXT_LINES));
    const slice = ops.slice(start, end);
    const countA = slice.filter((op) => op.kind !== '+').length;
    const countB = slice.filter((op) => op.kind !== '-').length;
    const header = `@@ -${countA === 0 ? lineA - 1 : lineA},${countA} +${countB === 0 ? lineB - 1 : lineB},${countB} @@`;
    hunks.push([header, ...slice.map((op) => `${op.kind}${op.line}`)]);
    lineA += countA;
    lineB += countB;
    index = end;
  }
  return hunks;
}
