import { sanitizeTerminalText } from '../../shared/terminal-text.js';
import { AtmError } from '../../shared/errors.js';

/** A JSON object as settings.json holds it; key order is the file's. */
export type JsonObject = { [key: string]: unknown };

/** How the file was written, so atm writes it back the same way (indent, line ends, final newline). */
export interface JsonStyle {
  readonly indent: string;
  readonly eol: '\n' | '\r\n';
  readonly finalNewline: boolean;
}

export interface SettingsDocument {
  readonly value: JsonObject;
  readonly style: JsonStyle;
}

/** What a missing or blank settings.json means: an empty object, written with 2 spaces. */
export const DEFAULT_STYLE: JsonStyle = { indent: '  ', eol: '\n', finalNewline: true };

const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses settings.json text. Pure. A blank file counts as `{}`; text that is not JSON, or JSON
 * that is not an object, is refused with the file, the place (line:column) and the fix, so the
 * caller leaves the file untouched.
 */
export function parseSettingsText(text: string, file: string): SettingsDocument {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim().length === 0) return { value: {}, style: DEFAULT_STYLE };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const offset = jsonErrorOffset(error, body);
    // V8's message may quote the file itself: keep it to one printable line.
    const why = sanitizeTerminalText(
      error instanceof Error ? error.message.replace(/\s*\(line \d+ column \d+\)$/, '') : String(error),
    ).replace(/\s+/g, ' ');
    if (offset === null) {
      throw new AtmError('settings-invalid', `${file}: not valid JSON (${why}); atm changed nothing`, {
        hint: 'fix the JSON (comments and trailing commas are not allowed), then run the command again',
      });
    }
    const { line, column } = toLineColumn(body, offset);
    throw new AtmError('settings-invalid', `${file}:${line}:${column}: not valid JSON (${why}); atm changed nothing`, {
      hint: `fix the JSON at line ${line}, column ${column} (comments and trailing commas are not allowed), then run the command again`,
    });
  }
  if (!isPlainObject(value)) {
    throw new AtmError(
      'settings-invalid',
      `${file}: the top level is ${describeJson(value)}, not an object; atm changed nothing`,
      {
        hint: 'Claude Code settings are one JSON object, e.g. {"hooks": {}}; fix the file, then run the command again',
      },
    );
  }
  return { value, style: detectStyle(body) };
}

/** Writes `value` back in `style`. JSON.stringify keeps non-ASCII text as is and key order as inserted. */
export function formatSettings(value: JsonObject, style: JsonStyle): string {
  const json = JSON.stringify(value, null, style.indent);
  const text = style.eol === '\r\n' ? json.replaceAll('\n', '\r\n') : json;
  return style.finalNewline ? `${text}${style.eol}` : text;
}

function detectStyle(text: string): JsonStyle {
  // The first indented line tells the unit: the outermost keys sit one level deep.
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? DEFAULT_STYLE.indent;
  return {
    indent,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    finalNewline: /\r?\n$/.test(text) || !text.includes('\n'),
  };
}

/**
 * Where V8 says the error is: "at position N", or the end for "Unexpected end of JSON input".
 * Null when it does not say (Node 20's "Unexpected token '}', "…" is not valid JSON"): better no
 * place than a wrong one.
 */
function jsonErrorOffset(error: unknown, text: string): number | null {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  if (match?.[1] !== undefined) return Math.min(Number(match[1]), text.length);
  return /end of JSON input/i.test(message) ? text.length : null;
}

function toLineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
