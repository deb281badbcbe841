/**
 * The top-level members of a JSON object that are whole within `prefix`, the first bytes of a
 * document cut at a size limit. A report past the one-shot limit is almost always a PostToolUse
 * with a huge `tool_response`, which comes after every field atm reads: keeping the members that
 * are complete keeps the report (issue 10, defect 12). Null when `prefix` does not start an object.
 * Pure, and linear in the prefix.
 */
export function parseJsonObjectPrefix(prefix: string): Record<string, unknown> | null {
  let at = skipSpace(prefix, prefix.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (prefix[at] !== '{') return null;
  const members: Record<string, unknown> = {};
  at += 1;
  for (;;) {
    at = skipSpace(prefix, at);
    if (prefix[at] !== '"') return members;
    const keyEnd = endOfValue(prefix, at);
    if (keyEnd === -1) return members;
    const key = JSON.parse(prefix.slice(at, keyEnd)) as string;
    at = skipSpace(prefix, keyEnd);
    if (prefix[at] !== ':') return members;
    const start = skipSpace(prefix, at + 1);
    const end = endOfValue(prefix, start);
    if (end === -1) return members;
    try {
      members[key] = JSON.parse(prefix.slice(start, end)) as unknown;
    } catch {
      return members;
    }
    at = skipSpace(prefix, end);
    if (prefix[at] !== ',') return members;
    at += 1;
  }
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\r\n'.includes(text[at] ?? '')) at += 1;
  return at;
}

/** Where the value starting at `at` ends (exclusive), or -1 when it is cut off. */
function endOfValue(text: string, at: number): number {
  let depth = 0;
  let inString = false;
  for (let i = at; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
      if (depth < 0) return -1;
    } else if (depth === 0 && (c === ',' || c === ' ' || c === '\n' || c === '\r' || c === '\t')) return i;
  }
  return -1; // a bare scalar at the very end may be cut too (123 of 12345): never trust it
}
