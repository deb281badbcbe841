import type { CommandRunner } from '../command-line/command-spec.js';
import { renderCompletion } from '../completion/render-completion.js';
import { printLine } from '../output.js';
import { AtmError } from '../../shared/errors.js';

/** `atm completion bash|zsh|fish`: the same script as completions/, for `source <(…)` and Homebrew. */
export const run: CommandRunner = (ctx, input) => {
  const shell = input.arg('shell');
  if (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish') throw new AtmError('usage', 'completion: name a shell');
  printLine(renderCompletion(shell, ctx.table).trimEnd());
  return Promise.resolve(0);
};
