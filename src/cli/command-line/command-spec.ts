import type { AtmPaths } from '../../platform/paths.js';

/**
 * The shape of one row of the command table (src/cli/command-table.ts). The table is plain data:
 * parsing, `--help`, the man page's synopsis and options, and the shell completions are all
 * derived from it, so a command, option or allowed value exists in one place only.
 */

/** An allowed value of an option or argument, optionally with a line saying what it does. */
export type Choice = string | { readonly value: string; readonly summary: string };

/** What a shell completion offers for a value beyond the fixed choices. */
export type ValueSource = 'session' | 'command' | 'file' | 'directory';

export interface OptionSpec {
  /** The long name, without the leading `--`. */
  readonly name: string;
  /** A one-letter alias, without the `-`. */
  readonly short?: string;
  readonly type: 'boolean' | 'string';
  /** For string options: the placeholder in usage lines (`--sort MODE`). */
  readonly valueName?: string;
  /** For string options: the only values accepted (checked by the parser, offered by completions). */
  readonly choices?: readonly Choice[];
  readonly complete?: ValueSource;
  readonly default?: string;
  readonly description: string;
}

export interface ArgumentSpec {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  /** The only values accepted: a subcommand verb (`atm daemon stop`) or a shell name. */
  readonly choices?: readonly Choice[];
  readonly complete?: ValueSource;
  /** The value used when the argument is left out. */
  readonly default?: string;
}

export interface Example {
  readonly command: string;
  readonly description: string;
}

/** What the composition root hands every command: resolved paths, the environment, the table. */
export interface CommandContext {
  readonly paths: AtmPaths;
  readonly env: NodeJS.ProcessEnv;
  readonly table: CommandTable;
  /** Whether stdout may be coloured: --color, FORCE_COLOR, NO_COLOR and the terminal, resolved once. */
  readonly color: boolean;
}

/** The whole table a command line is parsed against. */
export interface CommandTable {
  readonly commands: readonly CommandSpec[];
  readonly globalOptions: readonly OptionSpec[];
  readonly rootOptions: readonly OptionSpec[];
  readonly defaultCommand: string;
}

/** A command's parsed options and arguments, already checked against its row. */
export interface CommandInput {
  /** The canonical command name (an alias is resolved). */
  readonly command: string;
  /** A boolean option's value (false when absent). */
  flag(name: string): boolean;
  /** A string option's value, or its default, or undefined. */
  text(name: string): string | undefined;
  /** A positional argument's value, or its default, or undefined. */
  arg(name: string): string | undefined;
}

export type CommandRunner = (ctx: CommandContext, input: CommandInput) => Promise<number>;

/** Each command module exports `run`; the table imports the module only when it is chosen. */
export interface CommandModule {
  readonly run: CommandRunner;
}

interface CommandRow {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** One line for `atm --help` and the completions. */
  readonly summary: string;
  /** A paragraph for `atm <command> --help` and the man page. */
  readonly description?: string;
  readonly options: readonly OptionSpec[];
  readonly arguments: readonly ArgumentSpec[];
  readonly examples: readonly Example[];
  /** Plumbing for the shell completions: runnable, but left out of help, man page and completions. */
  readonly hidden?: boolean;
}

/**
 * A row either loads its module lazily, or is a hot path (run by Claude Code on every tool call):
 * main.ts serves those before the table or its machinery load, so the row is there only for help,
 * the man page and the completions.
 */
export type CommandSpec = CommandRow &
  ({ readonly hotPath?: false; readonly load: () => Promise<CommandModule> } | { readonly hotPath: true });

export const toChoiceValue = (choice: Choice): string => (typeof choice === 'string' ? choice : choice.value);
export const toChoiceSummary = (choice: Choice): string | undefined =>
  typeof choice === 'string' ? undefined : choice.summary;
