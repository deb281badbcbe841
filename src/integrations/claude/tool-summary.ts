/** The tool-input fields that say most about what a tool is doing, in order of preference. */
const SUMMARY_KEYS = [
  'command',
  'file_path',
  'notebook_path',
  'path',
  'pattern',
  'url',
  'query',
  'description',
  'prompt',
] as const;
const MAX_SUMMARY_CHARS = 200;

/**
 * A one-line summary of a tool's input for the dashboard ("npm run lint", "src/app.ts").
 * Control characters are not stripped here: every terminal-facing renderer does that.
 */
export function summarizeToolInput(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const record = input as Record<string, unknown>;
  for (const key of SUMMARY_KEYS) {
    const value = record[key];
    if (typeof value === 'string' && value.trim().length > 0) return oneLine(value);
  }
  const questions = record.questions;
  if (Array.isArray(questions)) {
    const first: unknown = questions[0];
    if (typeof first === 'object' && first !== null) {
      const question = (first as Record<string, unknown>).question;
      if (typeof question === 'string' && question.trim().length > 0) return oneLine(question);
    }
  }
  return null;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_SUMMARY_CHARS) return flat;
  // Cut between code points: half an emoji (a lone surrogate) is not text, and renders as garbage.
  let end = MAX_SUMMARY_CHARS - 1;
  if (isHighSurrogate(flat.charCodeAt(end - 1))) end -= 1;
  return `${flat.slice(0, end)}…`;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
