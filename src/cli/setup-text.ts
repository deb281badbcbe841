import { sanitizeTerminalText, textWidth, truncateToWidth } from '../shared/terminal-text.js';

const MAX_CHARS = 70;

/**
 * A user's command as one short, terminal-safe line for setup's messages: only its first line,
 * escape sequences stripped (a status-line script may hold raw ESC bytes), cut with an ellipsis.
 */
export function oneLine(command: string): string {
  const lines = command.trim().split('\n');
  const first = sanitizeTerminalText(lines[0] ?? '');
  // By display width, never by UTF-16 units: a slice could split an emoji's surrogate pair into U+FFFD.
  if (textWidth(first) > MAX_CHARS) return truncateToWidth(first, MAX_CHARS);
  return lines.length > 1 ? `${truncateToWidth(first, MAX_CHARS - 1, '')}…` : first;
}
