import type { Session } from '../domain/session.js';
import { sanitizeTerminalText } from '../shared/terminal-text.js';

/** Case- and composition-insensitive: a typed "é" must match an "e" + U+0301 in a path. */
const normalize = (text: string): string => text.normalize('NFC').toLowerCase();

/** The text a filter looks at: what the table and detail panel show for the session. */
function searchableText(session: Session): string {
  const fields = [
    session.project,
    session.cwd,
    session.projectDir,
    session.model?.displayName,
    session.model?.id,
    session.tool?.name,
    session.tool?.summary,
    session.tmux?.pane,
    session.tmux?.session,
    session.tmux?.window,
  ];
  return normalize(sanitizeTerminalText(fields.filter((field) => field != null).join('\n')));
}

/**
 * Whether a session matches the filter the user typed: every whitespace-separated term must
 * appear (case-insensitively) in its name, project, cwd, model, tool or tmux location. Matching
 * runs on sanitized text so that what matches is what the user sees.
 */
export function matchesFilter(session: Session, filter: string): boolean {
  const terms = normalize(filter)
    .split(/\s+/)
    .filter((term) => term.length > 0);
  if (terms.length === 0) return true;
  const text = searchableText(session);
  return terms.every((term) => text.includes(term));
}
