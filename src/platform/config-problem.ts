import { z } from 'zod';

/**
 * Turns zod's issues for a config value into ONE line a person can act on:
 * `daemon.maxSessions: expected an integer from 1 to 100000, got "lots"`. What is expected is
 * read off the schema itself (bounds, enum options, known keys), so it cannot drift from it.
 */
export function describeConfigProblem(schema: z.ZodType, input: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (first === undefined) return 'invalid';
  const total = issues.reduce((sum, issue) => sum + (issue.code === 'unrecognized_keys' ? issue.keys.length : 1), 0);
  const more = total > 1 ? ` (and ${total - 1} more problem${total > 2 ? 's' : ''})` : '';
  return describeIssue(schema, input, first) + more;
}

function describeIssue(schema: z.ZodType, input: unknown, issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const target = unwrap(schemaAt(schema, issue.path));
    const known = target instanceof z.ZodObject ? Object.keys(target.shape) : [];
    const guess = known.find((name) => isNearMiss(key, name));
    const advice = guess !== undefined ? `did you mean "${guess}"?` : `known keys: ${known.join(', ')}`;
    return `${pathText([...issue.path, key])}: unknown key (${advice})`;
  }
  const target = schemaAt(schema, issue.path);
  const expected = target === null ? issue.message : describeSchema(unwrap(target), issue.message);
  return `${pathText(issue.path)}: expected ${expected}, got ${showValue(valueAt(input, issue.path))}`;
}

/** `daemon.maxSessions`, `list[2]`; the root is "(top level)". */
export function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function unwrap(schema: z.ZodType | null): z.ZodType | null {
  let current = schema;
  while (
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault ||
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | null {
  let current: z.ZodType | null = schema;
  for (const part of path) {
    const object = unwrap(current);
    current = object instanceof z.ZodObject ? ((object.shape as Record<PropertyKey, z.ZodType>)[part] ?? null) : null;
  }
  return current;
}

function describeSchema(schema: z.ZodType | null, fallback: string): string {
  if (schema instanceof z.ZodNumber) {
    const kind = schema.isInt ? 'an integer' : 'a number';
    const { minValue: min, maxValue: max } = schema;
    const low = min !== null && Number.isFinite(min) && Math.abs(min) < Number.MAX_SAFE_INTEGER ? min : null;
    const high = max !== null && Number.isFinite(max) && Math.abs(max) < Number.MAX_SAFE_INTEGER ? max : null;
    if (low !== null && high !== null) return `${kind} from ${low} to ${high}`;
    if (low !== null) return `${kind} >= ${low}`;
    return high !== null ? `${kind} <= ${high}` : kind;
  }
  if (schema instanceof z.ZodEnum) return `one of ${schema.options.map((option) => JSON.stringify(option)).join(', ')}`;
  if (schema instanceof z.ZodObject) return 'a mapping of keys to values';
  if (schema instanceof z.ZodString) return 'a string';
  if (schema instanceof z.ZodBoolean) return 'true or false';
  return fallback;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** The offending value, short and on one line (JSON escapes any control characters). */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A typo worth suggesting a fix for: same letters ignoring case, or at most two edits apart. */
function isNearMiss(typed: string, known: string): boolean {
  const a = typed.toLowerCase();
  const b = known.toLowerCase();
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return (previous[b.length] ?? Infinity) <= 2;
}
