import type { CompletionModel, ValueCompletion } from './completion-model.js';

/**
 * Words that go into generated shell code unquoted must be plain: letters, digits and `-_.:/@`.
 * A command or value name outside that set is a mistake in the table, not something to escape.
 */
const PLAIN = /^[\w.:/@-]+$/;

export function plain(word: string): string {
  if (!PLAIN.test(word))
    throw new Error(`"${word}" cannot be used as a completion word (letters, digits, -_.:/@ only)`);
  return word;
}

/** Single-quoted for sh, bash, zsh and fish: `it's` → `'it'\''s'` (fish: `'it\'s'`). */
export function singleQuoted(text: string, shell: 'posix' | 'fish' = 'posix'): string {
  return shell === 'fish' ? `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'` : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A value completion as one token for the generated scripts: the words, or `@source`. */
export function toValueToken(value: ValueCompletion): string {
  switch (value.kind) {
    case 'words':
      return value.words.map((word) => plain(word.value)).join(' ');
    case 'source':
      return `@${value.source}`;
    case 'any':
      return '@any';
  }
}

export const GENERATED_NOTE = (shell: string): string =>
  `${shell} completion for atm. Generated from src/cli/command-table.ts (npm run generate); do not edit.\n` +
  `Also printed by \`atm completion ${shell}\`.`;

export const allCommandNames = (model: CompletionModel): string =>
  model.commands.flatMap((command) => command.names.map(plain)).join(' ');
