import { sanitizeTerminalText } from '../shared/terminal-text.js';

const MAX_CHARS = 70;

/**
 * A user's command as one short, terminal-safe line for setup's messages: only its first line,
 * escape sequences stripped (a status-line script may hold raw ESC bytes), cut with an ellipsis.
 */
export function oneLine(command: string): string {
  const lines = command.trim().split('\n');
  const first = sanitizeTerminalText(lines[0] ?? '');
  const more = lines.length > 1 || first.length > MAX_CHARS;
  return more ? `${first.slice(0, MAX_CHARS)}…` : first;
}
