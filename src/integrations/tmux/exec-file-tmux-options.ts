import type { TmuxOptions } from '../../daemon/tmux-status-writer.js';
import { runFile } from '../../platform/exec-file.js';
import { AtmError } from '../../shared/errors.js';

/**
 * Global user options over the tmux binary: every option of one call in one tmux run
 * (`set -g a 1 ; set -g b 2`, `;` a separate argv item, no shell). Names are ours (`@atm_…`);
 * values are passed as single arguments, so nothing in them is parsed as a tmux command.
 */
export function createExecFileTmuxOptions(options: { readonly timeoutMs: number }): TmuxOptions {
  const run = async (server: string, commands: string[][]): Promise<void> => {
    if (!server.startsWith('/')) throw new AtmError('tmux-failed', `tmux socket path must be absolute: ${server}`);
    const args = commands.flatMap((command, i) => (i === 0 ? command : [';', ...command]));
    const outcome = await runFile('tmux', ['-u', '-S', server, ...args], { timeoutMs: options.timeoutMs });
    if (outcome.kind === 'exited' && outcome.exitCode === 0) return;
    const why = outcome.kind === 'exited' ? outcome.stderr.trim() || `exit ${outcome.exitCode}` : outcome.kind;
    throw new AtmError('tmux-failed', `tmux set-option on ${server}: ${why}`);
  };
  return {
    set: (server, values) =>
      run(
        server,
        Object.entries(values).map(([name, value]) => ['set-option', '-g', name, value]),
      ),
    unset: (server, names) =>
      run(
        server,
        names.map((name) => ['set-option', '-gu', name]),
      ),
  };
}
