import { isColorMode, resolveColor } from '../../shared/color-mode.js';
import { COMMAND_TABLE } from '../command-table.js';
import { EXIT } from '../exit-codes.js';
import { printLine } from '../output.js';
import type { CommandContext } from './command-spec.js';
import { parseCommandLine } from './parse-command-line.js';
import { renderCommandHelp, renderRootHelp, renderUsage } from './render-help.js';

/**
 * Every command but the hot paths: parse against the table, answer --help and --version
 * without loading any command (so without contacting atmd), or load the chosen command's module.
 */
export async function runCommandLine(
  argv: readonly string[],
  facts: Omit<CommandContext, 'table' | 'color'>,
): Promise<number> {
  const table = COMMAND_TABLE;
  const outcome = parseCommandLine(argv, table);
  switch (outcome.kind) {
    case 'help':
      printLine(outcome.spec === undefined ? renderRootHelp(table) : renderCommandHelp(outcome.spec, table));
      return EXIT.ok;
    case 'version': {
      const { PACKAGE_VERSION } = await import('../../platform/package-info.js');
      printLine(`atm ${PACKAGE_VERSION}`);
      return EXIT.ok;
    }
    case 'usage-error': {
      const spec = outcome.spec;
      const who = spec === undefined ? 'atm' : `atm ${spec.name}`;
      process.stderr.write(`${who}: ${outcome.message}\n`);
      process.stderr.write(spec === undefined ? 'Usage: atm [command] [options]\n' : `Usage: ${renderUsage(spec)}\n`);
      process.stderr.write(`Run '${who} --help' for more.\n`);
      return EXIT.usage;
    }
    case 'run': {
      const spec = outcome.spec;
      if (spec.hotPath === true) {
        process.stderr.write(`atm ${spec.name}: is run by Claude Code, as \`atm ${spec.name}\` with no options\n`);
        return EXIT.usage;
      }
      const mode = outcome.input.text('color');
      const color = resolveColor({
        mode: isColorMode(mode) ? mode : 'auto',
        env: facts.env,
        isTTY: process.stdout.isTTY === true,
      });
      const command = await spec.load();
      return command.run({ ...facts, table, color }, outcome.input);
    }
  }
}
