import {
  toChoiceSummary,
  toChoiceValue,
  type Choice,
  type CommandSpec,
  type CommandTable,
  type OptionSpec,
  type ValueSource,
} from '../command-line/command-spec.js';

/**
 * The command table as the three completion generators see it: visible commands only, each with
 * every option it accepts (its own and the global ones) and its positional arguments. What a value
 * completes to is either fixed words or a source the shell asks for at run time.
 */
export interface Word {
  readonly value: string;
  readonly description: string;
}

export type ValueCompletion =
  | { readonly kind: 'words'; readonly words: readonly Word[] }
  | { readonly kind: 'source'; readonly source: ValueSource }
  | { readonly kind: 'any' };

export interface CompletionOption {
  readonly long: string;
  readonly short: string | undefined;
  readonly description: string;
  /** undefined for a boolean option. */
  readonly value: ValueCompletion | undefined;
}

export interface CompletionCommand {
  readonly names: readonly string[];
  readonly summary: string;
  readonly options: readonly CompletionOption[];
  readonly positionals: readonly { readonly value: ValueCompletion; readonly description: string }[];
}

export interface CompletionModel {
  readonly commands: readonly CompletionCommand[];
  /** What `atm` takes before any command: the default command's options, the global and root ones. */
  readonly rootOptions: readonly CompletionOption[];
}

/** The hidden command the completions run to list the daemon's sessions (value, tab, description). */
export const SESSIONS_COMMAND = '__sessions';

const toWords = (choices: readonly Choice[]): readonly Word[] =>
  choices.map((choice) => ({ value: toChoiceValue(choice), description: toChoiceSummary(choice) ?? '' }));

function toValue(spec: { choices?: readonly Choice[]; complete?: ValueSource }): ValueCompletion {
  if (spec.choices !== undefined) return { kind: 'words', words: toWords(spec.choices) };
  if (spec.complete !== undefined) return { kind: 'source', source: spec.complete };
  return { kind: 'any' };
}

const toOption = (option: OptionSpec): CompletionOption => ({
  long: option.name,
  short: option.short,
  description: option.description,
  value: option.type === 'boolean' ? undefined : toValue(option),
});

export function toCompletionModel(table: CommandTable): CompletionModel {
  // Hidden plumbing and the hot paths (run by Claude Code, not typed) are not offered.
  const visible = table.commands.filter((spec) => spec.hidden !== true && spec.hotPath !== true);
  const toCommand = (spec: CommandSpec): CompletionCommand => ({
    names: [spec.name, ...(spec.aliases ?? [])],
    summary: spec.summary,
    options: [...spec.options, ...table.globalOptions].map(toOption),
    positionals: spec.arguments.map((argument) => ({ value: toValue(argument), description: argument.description })),
  });
  const fallback = table.commands.find((spec) => spec.name === table.defaultCommand);
  return {
    commands: visible.map(toCommand),
    rootOptions: [...(fallback?.options ?? []), ...table.globalOptions, ...table.rootOptions].map(toOption),
  };
}

/** Command names (and aliases), for `atm help <command>`. */
export const commandWords = (model: CompletionModel): readonly Word[] =>
  model.commands.flatMap((command) => command.names.map((value) => ({ value, description: command.summary })));
