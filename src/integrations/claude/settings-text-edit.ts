import { applyEdits, findNodeAtLocation, parseTree, type Edit, type JSONPath, type Node } from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';

/**
 * Turns a change of settings value (`before` → `after`, both parsed from `text`) into the fewest
 * text edits, so only the lines atm adds or removes change: key order, compact arrays, odd or
 * big numbers (12345678901234567890) and everything atm does not touch keep their bytes. Pure.
 *
 * jsonc-parser (what VS Code uses for its settings) finds the nodes and applies the edits. Its
 * `modify` is not used to write: with formatting options it reformats the whole lines around an
 * edit (a neighbour's `[1, 2]` becomes four lines), and without them it inserts one long line.
 * So the inserted text is laid out here, in the style of the place it goes, and each insertion
 * is the exact inverse of the removal below: setup then uninstall gives back the same bytes.
 */
export function toEditedText(text: string, before: unknown, after: unknown): string {
  const style = detectLayout(text);
  let current = text;
  const edit = (make: (root: Node) => Edit | null): void => {
    const root = parseTree(current);
    const change = root === undefined ? null : make(root);
    if (change !== null) current = applyEdits(current, [change]);
  };
  walk([], before, after, {
    remove: (path) => edit((root) => removeAt(root, path)),
    insert: (path, value) => edit((root) => insertAt(current, root, path, value, style)),
    replace: (path, value) => edit((root) => replaceAt(root, path, value)),
  });
  return current;
}

interface Layout {
  readonly unit: string;
  readonly eol: string;
}

interface EditSink {
  remove(path: JSONPath): void;
  insert(path: JSONPath, value: unknown): void;
  replace(path: JSONPath, value: unknown): void;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Object keys: removed, then changed (recursively), then added at the end (JSON.parse order). */
function walk(path: JSONPath, before: unknown, after: unknown, sink: EditSink): void {
  if (isDeepStrictEqual(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) sink.remove([...path, key]);
    for (const key of Object.keys(after)) {
      if (Object.hasOwn(before, key)) walk([...path, key], before[key], after[key], sink);
    }
    for (const key of Object.keys(after)) if (!Object.hasOwn(before, key)) sink.insert([...path, key], after[key]);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    walkArray(path, before, after, sink);
    return;
  }
  sink.replace(path, after);
}

/**
 * Arrays: equal items are matched in order (longest common subsequence); between two matches,
 * unmatched items pair up and are edited in place, and the rest are removed (from the end, so
 * indices hold) or inserted (in ascending order, so each lands where `after` has it).
 */
function walkArray(path: JSONPath, before: readonly unknown[], after: readonly unknown[], sink: EditSink): void {
  const pairs = alignArrays(before, after);
  const removed: number[] = [];
  const inserted: number[] = [];
  for (const [i, j] of pairs) {
    if (i !== null && j !== null) walk([...path, i], before[i], after[j], sink);
    else if (i !== null) removed.push(i);
    else if (j !== null) inserted.push(j);
  }
  for (const i of removed.sort((a, b) => b - a)) sink.remove([...path, i]);
  for (const j of inserted.sort((a, b) => a - b)) sink.insert([...path, j], after[j]);
}

type Pair = readonly [number | null, number | null];

function alignArrays(before: readonly unknown[], after: readonly unknown[]): Pair[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const row = lcs[i]!;
      row[j] = isDeepStrictEqual(before[i], after[j])
        ? lcs[i + 1]![j + 1]! + 1
        : Math.max(lcs[i + 1]![j]!, row[j + 1]!);
    }
  }
  const pairs: Pair[] = [];
  let oldRun: number[] = [];
  let newRun: number[] = [];
  const flush = (): void => {
    const paired = Math.min(oldRun.length, newRun.length);
    for (let k = 0; k < paired; k += 1) pairs.push([oldRun[k]!, newRun[k]!]);
    for (const i of oldRun.slice(paired)) pairs.push([i, null]);
    for (const j of newRun.slice(paired)) pairs.push([null, j]);
    oldRun = [];
    newRun = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && isDeepStrictEqual(before[i], after[j])) {
      flush();
      i += 1;
      j += 1;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) oldRun.push(i++);
    else newRun.push(j++);
  }
  flush();
  return pairs;
}

/** The node a path names, and for a property its whole `"key": value` node. */
function locate(root: Node, path: JSONPath): { container: Node; member: Node; index: number } | null {
  const parentPath = path.slice(0, -1);
  const container = parentPath.length === 0 ? root : findNodeAtLocation(root, parentPath);
  const value = findNodeAtLocation(root, path);
  if (container === undefined || value === undefined) return null;
  const member = container.type === 'object' ? value.parent : value;
  const index = member === undefined ? -1 : (container.children ?? []).indexOf(member);
  return member === undefined || index < 0 ? null : { container, member, index };
}

const end = (node: Node): number => node.offset + node.length;

/** Removes a member with the separator before it (or, for the first, after it); the last one empties the brackets. */
function removeAt(root: Node, path: JSONPath): Edit | null {
  const found = locate(root, path);
  if (found === null) return null;
  const { container, member, index } = found;
  const siblings = container.children ?? [];
  if (siblings.length === 1) return { offset: container.offset + 1, length: container.length - 2, content: '' };
  const previous = siblings[index - 1];
  if (previous !== undefined) return { offset: end(previous), length: end(member) - end(previous), content: '' };
  const next = siblings[1]!;
  return { offset: member.offset, length: next.offset - member.offset, content: '' };
}

function replaceAt(root: Node, path: JSONPath, value: unknown): Edit | null {
  const node = findNodeAtLocation(root, path);
  return node === undefined ? null : { offset: node.offset, length: node.length, content: JSON.stringify(value) };
}

/** Inserts a property (at the end) or an array item (at its index), laid out like its siblings. */
function insertAt(text: string, root: Node, path: JSONPath, value: unknown, layout: Layout): Edit | null {
  const parentPath = path.slice(0, -1);
  const container = parentPath.length === 0 ? root : findNodeAtLocation(root, parentPath);
  if (container === undefined) return null;
  const key = path.at(-1);
  const siblings = container.children ?? [];
  const index = typeof key === 'number' ? Math.min(key, siblings.length) : siblings.length;
  const multiLine = isMultiLine(text, container, layout);
  const indent = multiLine ? childIndent(text, container, layout) : '';
  const body = JSON.stringify(value, null, multiLine ? layout.unit : undefined).replaceAll(
    '\n',
    `${layout.eol}${indent}`,
  );
  const member = typeof key === 'string' ? `${JSON.stringify(key)}: ${body}` : body;
  const separator = multiLine ? `${layout.eol}${indent}` : '';
  if (siblings.length === 0) {
    const closing = multiLine ? `${layout.eol}${lineIndent(text, container.offset)}` : '';
    return { offset: container.offset + 1, length: container.length - 2, content: `${separator}${member}${closing}` };
  }
  const previous = siblings[index - 1];
  if (previous !== undefined) return { offset: end(previous), length: 0, content: `,${separator}${member}` };
  return { offset: siblings[0]!.offset, length: 0, content: `${member},${separator}` };
}

/** Multi-line when the container spans lines, or is empty in a file that is not all on one line. */
function isMultiLine(text: string, container: Node, layout: Layout): boolean {
  const own = text.slice(container.offset, end(container));
  if ((container.children ?? []).length > 0) return own.includes('\n');
  return text.trimEnd().includes('\n') || layout.unit !== '';
}

function childIndent(text: string, container: Node, layout: Layout): string {
  const first = container.children?.[0];
  if (first !== undefined) {
    const lineStart = text.lastIndexOf('\n', first.offset - 1) + 1;
    const lead = text.slice(lineStart, first.offset);
    if (/^[ \t]*$/.test(lead)) return lead;
  }
  return `${lineIndent(text, container.offset)}${layout.unit}`;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** The file's indent unit (from its first indented line) and line end; a one-line file has no unit. */
function detectLayout(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!text.trimEnd().includes('\n')) return { unit: text.trim() === '{}' ? '  ' : '', eol };
  const unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { unit, eol };
}
