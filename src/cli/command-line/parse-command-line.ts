import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  toChoiceValue,
  type CommandInput,
  type CommandSpec,
  type CommandTable,
  type OptionSpec,
} from './command-spec.js';
import { suggestNearest } from './did-you-mean.js';

/**
 * What a command line asks for. `spec` undefined means atm itself (`atm --help`, an unknown
 * command). A usage error names what was wrong; the caller prints it with the usage, exit 2.
 */
export type ParseOutcome =
  | { readonly kind: 'run'; readonly spec: CommandSpec; readonly input: CommandInput }
  | { readonly kind: 'help'; readonly spec: CommandSpec | undefined }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly spec: CommandSpec | undefined; readonly message: string };

export function findCommand(table: CommandTable, name: string): CommandSpec | undefined {
  return table.commands.find((spec) => spec.name === name || spec.aliases?.includes(name) === true);
}

/** Parses `atm`'s arguments (without node and the script) against the table. Pure. */
export function parseCommandLine(argv: readonly string[], table: CommandTable): ParseOutcome {
  const at = indexOfCommandName(argv, [...table.globalOptions, ...table.rootOptions]);
  if (at === -1) {
    const spec = findCommand(table, table.defaultCommand);
    if (spec === undefined) throw new Error(`the default command ${table.defaultCommand} is not in the table`);
    return parseFor(spec, argv, [...table.globalOptions, ...table.rootOptions], true);
  }
  const name = argv[at] ?? '';
  const spec = findCommand(table, name);
  if (spec === undefined) {
    const names = table.commands.flatMap((command) => [command.name, ...(command.aliases ?? [])]);
    return { kind: 'usage-error', spec: undefined, message: `unknown command "${name}"${hint(name, names)}` };
  }
  return parseFor(spec, [...argv.slice(0, at), ...argv.slice(at + 1)], table.globalOptions, false);
}

/** The index of the first argument that is not an option (or an option's value), or -1. */
function indexOfCommandName(argv: readonly string[], leading: readonly OptionSpec[]): number {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') return -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    const option = leading.find((o) => arg === `--${o.name}` || (o.short !== undefined && arg === `-${o.short}`));
    if (option?.type === 'string') i += 1;
  }
  return -1;
}

function parseFor(
  spec: CommandSpec,
  args: readonly string[],
  extra: readonly OptionSpec[],
  isRoot: boolean,
): ParseOutcome {
  const known = [...spec.options, ...extra];
  const parsed = parseArgs({
    args: [...args],
    options: toParseArgsOptions(known),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const root = isRoot ? undefined : spec;
  if (parsed.values.help === true) return { kind: 'help', spec: root };
  if (isRoot && parsed.values.version === true) return { kind: 'version' };
  const fail = (message: string): ParseOutcome => ({ kind: 'usage-error', spec: root, message });
  const texts = new Map<string, string>();
  const flags = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const option = known.find((o) => o.name === token.name);
    if (option === undefined) {
      const longNames = known.map((o) => `--${o.name}`);
      return fail(`unknown option ${token.rawName}${hint(token.rawName.split('=')[0] ?? '', longNames)}`);
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined) return fail(`option --${option.name} takes no value`);
      flags.add(option.name);
      continue;
    }
    const value = token.value;
    if (value === undefined || (token.inlineValue !== true && value.startsWith('-') && value !== '-'))
      return fail(`option --${option.name} needs a value${listChoices(option.choices)}`);
    const problem = checkChoice(`--${option.name}`, value, option.choices);
    if (problem !== undefined) return fail(problem);
    texts.set(option.name, value);
  }
  const argValues = new Map<string, string>();
  const positionals = parsed.positionals;
  if (positionals.length > spec.arguments.length)
    return fail(`unexpected argument "${positionals[spec.arguments.length] ?? ''}"`);
  for (const [index, argument] of spec.arguments.entries()) {
    const value = positionals[index];
    if (value === undefined) {
      if (argument.required) return fail(`missing ${argument.name}${listChoices(argument.choices)}`);
      continue;
    }
    const problem = checkChoice(argument.name, value, argument.choices);
    if (problem !== undefined) return fail(problem);
    argValues.set(argument.name, value);
  }
  return { kind: 'run', spec, input: toInput(spec, known, flags, texts, argValues) };
}

function toInput(
  spec: CommandSpec,
  known: readonly OptionSpec[],
  flags: ReadonlySet<string>,
  texts: ReadonlyMap<string, string>,
  args: ReadonlyMap<string, string>,
): CommandInput {
  return {
    command: spec.name,
    flag: (name) => flags.has(name),
    text: (name) => texts.get(name) ?? known.find((o) => o.name === name)?.default,
    arg: (name) => args.get(name) ?? spec.arguments.find((a) => a.name === name)?.default,
  };
}

function toParseArgsOptions(options: readonly OptionSpec[]): NonNullable<ParseArgsConfig['options']> {
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const option of options)
    config[option.name] =
      option.short === undefined ? { type: option.type } : { type: option.type, short: option.short };
  return config;
}

function checkChoice(what: string, value: string, choices: OptionSpec['choices']): string | undefined {
  if (choices === undefined) return undefined;
  const values = choices.map(toChoiceValue);
  if (values.includes(value)) return undefined;
  const near = suggestNearest(value, values);
  return `invalid ${what} "${value}"${near === undefined ? '' : ` (did you mean ${near}?)`}; use ${orList(values)}`;
}

const hint = (typed: string, known: readonly string[]): string => {
  const near = suggestNearest(typed, known);
  return near === undefined ? '' : ` (did you mean ${near}?)`;
};

const listChoices = (choices: OptionSpec['choices']): string =>
  choices === undefined ? '' : ` (${orList(choices.map(toChoiceValue))})`;

const orList = (values: readonly string[]): string =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
