import { findCommand } from '../command-line/parse-command-line.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { renderCommandHelp, renderRootHelp } from '../command-line/render-help.js';
import { printLine } from '../output.js';
import { AtmError } from '../../shared/errors.js';
import { suggestNearest } from '../command-line/did-you-mean.js';

/** `atm help [command]`: the same text as `atm --help` or `atm <command> --help`. */
export const run: CommandRunner = (ctx, input) => {
  const name = input.arg('command');
  if (name === undefined) {
    printLine(renderRootHelp(ctx.table));
    return Promise.resolve(0);
  }
  const spec = findCommand(ctx.table, name);
  if (spec === undefined) {
    const near = suggestNearest(
      name,
      ctx.table.commands.map((command) => command.name),
    );
    throw new AtmError(
      'usage',
      `help: unknown command "${name}"${near === undefined ? '' : ` (did you mean ${near}?)`}`,
      {
        hint: 'run `atm --help` to see the commands',
      },
    );
  }
  printLine(renderCommandHelp(spec, ctx.table));
  return Promise.resolve(0);
};
