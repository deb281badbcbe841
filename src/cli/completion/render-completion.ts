import type { CommandTable } from '../command-line/command-spec.js';
import { renderBashCompletion } from './completion-bash.js';
import { renderFishCompletion } from './completion-fish.js';
import { toCompletionModel } from './completion-model.js';
import { renderZshCompletion } from './completion-zsh.js';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** Where each shell's script is kept in the repository (and shipped in the package). */
export const COMPLETION_FILES: Readonly<Record<CompletionShell, string>> = {
  bash: 'completions/atm.bash',
  zsh: 'completions/_atm',
  fish: 'completions/atm.fish',
};

export function renderCompletion(shell: CompletionShell, table: CommandTable): string {
  const model = toCompletionModel(table);
  switch (shell) {
    case 'bash':
      return renderBashCompletion(model);
    case 'zsh':
      return renderZshCompletion(model);
    case 'fish':
      return renderFishCompletion(model);
  }
}
