import {
  toChoiceSummary,
  toChoiceValue,
  type ArgumentSpec,
  type CommandSpec,
  type CommandTable,
  type OptionSpec,
} from './command-spec.js';
import { ENVIRONMENT, EXIT_STATUSES, type Entry } from './manual-sections.js';

const TAGLINE = 'atm — Agent Tmux Monitor: every Claude Code agent you run in tmux, in one place.';

/** `[--json]`, `[--sort MODE]`, `[-h|--help]`. */
export function toOptionSynopsis(option: OptionSpec): string {
  const flag = option.short === undefined ? `--${option.name}` : `-${option.short}|--${option.name}`;
  return option.type === 'boolean' ? `[${flag}]` : `[${flag} ${toValueName(option)}]`;
}

export function toValueName(option: OptionSpec): string {
  if (option.valueName !== undefined) return option.valueName;
  return option.choices === undefined ? 'VALUE' : option.choices.map(toChoiceValue).join('|');
}

export function toArgumentSynopsis(argument: ArgumentSpec): string {
  const name = argument.choices === undefined ? argument.name : argument.choices.map(toChoiceValue).join('|');
  return argument.required ? `<${name}>` : `[${name}]`;
}

/** One usage line: `atm list [--json]` (the global options are left to --help). */
export function renderUsage(spec: CommandSpec): string {
  const words = ['atm', spec.name, ...spec.options.map(toOptionSynopsis), ...spec.arguments.map(toArgumentSynopsis)];
  return words.join(' ');
}

export function renderCommandHelp(spec: CommandSpec, table: CommandTable): string {
  const lines = [`atm ${spec.name} — ${spec.summary}`, '', `Usage: ${renderUsage(spec)}`];
  if (spec.aliases !== undefined && spec.aliases.length > 0) lines.push(`Alias: ${spec.aliases.join(', ')}`);
  if (spec.description !== undefined) lines.push('', ...wrap(spec.description, 80, ''));
  if (spec.arguments.length > 0) {
    lines.push('', 'Arguments:');
    for (const argument of spec.arguments) {
      const fallback = argument.default === undefined ? '' : ` (default: ${argument.default})`;
      lines.push(...twoColumns([{ name: argument.name, description: argument.description + fallback }]));
      const choices = (argument.choices ?? []).map((choice) => ({
        name: `  ${toChoiceValue(choice)}`,
        description: toChoiceSummary(choice) ?? '',
      }));
      lines.push(...twoColumns(choices));
    }
  }
  lines.push('', 'Options:', ...twoColumns([...spec.options, ...table.globalOptions].map(toOptionEntry)));
  if (spec.examples.length > 0) {
    lines.push('', 'Examples:');
    for (const example of spec.examples) lines.push(`  ${example.command}`, ...wrap(example.description, 80, '      '));
  }
  return lines.join('\n');
}

export function renderRootHelp(table: CommandTable): string {
  const entry = (spec: CommandSpec): Entry => ({
    name: [spec.name, ...(spec.aliases ?? [])].join(', '),
    description: spec.summary,
  });
  const shown = table.commands.filter((spec) => spec.hidden !== true);
  const people = shown.filter((spec) => spec.hotPath !== true);
  const claude = shown.filter((spec) => spec.hotPath === true);
  return [
    TAGLINE,
    '',
    'Usage: atm [command] [options]      (no command: the dashboard)',
    '',
    'Commands:',
    ...twoColumns(people.map(entry)),
    '',
    'Run by Claude Code:',
    ...twoColumns(claude.map(entry)),
    '',
    'Options:',
    ...twoColumns(
      [...(findDefault(table)?.options ?? []), ...table.globalOptions, ...table.rootOptions].map(toOptionEntry),
    ),
    '',
    'Environment:',
    ...twoColumns(ENVIRONMENT),
    '',
    'Exit status:',
    ...twoColumns(EXIT_STATUSES),
    '',
    "Run 'atm help <command>' or 'atm <command> --help' for a command's options.",
  ].join('\n');
}

function findDefault(table: CommandTable): CommandSpec | undefined {
  return table.commands.find((spec) => spec.name === table.defaultCommand);
}

function toOptionEntry(option: OptionSpec): Entry {
  const flag = option.short === undefined ? `    --${option.name}` : `-${option.short}, --${option.name}`;
  const value = option.type === 'string' ? ` ${toValueName(option)}` : '';
  const fallback = option.default === undefined ? '' : ` (default: ${option.default})`;
  return { name: flag + value, description: option.description + fallback };
}

/** Names in a column as wide as the longest (up to 24), descriptions wrapped beside them. */
function twoColumns(entries: readonly Entry[]): string[] {
  const width = Math.min(24, Math.max(0, ...entries.map((entry) => entry.name.length)));
  const lines: string[] = [];
  for (const { name, description } of entries) {
    const indent = ' '.repeat(2 + width + 2);
    const body = wrap(description, 80, indent);
    const first = (body[0] ?? '').slice(indent.length);
    if (name.length > width) lines.push(`  ${name}`, ...body);
    else lines.push(`  ${name.padEnd(width)}  ${first}`.trimEnd(), ...body.slice(1));
  }
  return lines;
}

/** Wraps words to `width` columns, each line starting with `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line.length === 0 ? word : `${line} ${word}`;
  }
  if (line.length > 0 || lines.length === 0) lines.push(indent + line);
  return lines;
}
