import {
  toChoiceSummary,
  toChoiceValue,
  type CommandSpec,
  type CommandTable,
  type OptionSpec,
} from '../command-line/command-spec.js';
import { ENVIRONMENT, EXIT_STATUSES, FILES, TMUX_BINDINGS } from '../command-line/manual-sections.js';
import { toArgumentSynopsis, toOptionSynopsis, toValueName } from '../command-line/render-help.js';
import { bold, italic, roffText, section, tagged } from './roff.js';

export interface PageInfo {
  readonly version: string;
  /** The page's date, YYYY-MM-DD: fixed per release, so regenerating gives the same bytes. */
  readonly date: string;
}

const optionTag = (option: OptionSpec): string => {
  const names = [...(option.short === undefined ? [] : [bold(`-${option.short}`)]), bold(`--${option.name}`)];
  return names.join(', ') + (option.type === 'string' ? ` ${italic(toValueName(option))}` : '');
};

const optionBody = (option: OptionSpec): string =>
  roffText(option.description + (option.default === undefined ? '' : ` (default: ${option.default})`));

function synopsisLine(spec: CommandSpec): string {
  const words = [...spec.options.map(toOptionSynopsis), ...spec.arguments.map(toArgumentSynopsis)];
  return `.br\n.B atm ${spec.name}${words.length === 0 ? '' : `\n${roffText(words.join(' '))}`}`;
}

function commandEntry(spec: CommandSpec): string {
  const words = [...spec.options.map(toOptionSynopsis), ...spec.arguments.map(toArgumentSynopsis)];
  const tag = `${bold(`atm ${spec.name}`)}${words.length === 0 ? '' : ` ${roffText(words.join(' '))}`}`;
  const lines = [roffText(spec.summary.charAt(0).toUpperCase() + spec.summary.slice(1) + '.')];
  if (spec.description !== undefined) lines.push(roffText(spec.description));
  if (spec.aliases !== undefined && spec.aliases.length > 0)
    lines.push(`Alias: ${spec.aliases.map((alias) => bold(alias)).join(', ')}.`);
  const inner: string[] = [];
  for (const argument of spec.arguments)
    for (const choice of argument.choices ?? [])
      inner.push(tagged(bold(toChoiceValue(choice)), roffText(toChoiceSummary(choice) ?? '')));
  for (const option of spec.options) inner.push(tagged(optionTag(option), optionBody(option)));
  return [tagged(tag, lines.join('\n')), ...(inner.length === 0 ? [] : ['.RS', ...inner, '.RE'])].join('\n');
}

/** man/atm.1, entirely from the command table and manual-sections.ts. */
export function renderAtmPage(table: CommandTable, info: PageInfo): string {
  const visible = table.commands.filter((spec) => spec.hidden !== true);
  const fallback = table.commands.find((spec) => spec.name === table.defaultCommand);
  const rootOptions = [...(fallback?.options ?? []), ...table.rootOptions];
  const examples = visible.flatMap((spec) => spec.examples);
  return [
    '.\\" Generated from src/cli/command-table.ts by `npm run generate`; do not edit.',
    `.TH ATM 1 ${info.date} "atm ${info.version}" "User Commands"`,
    section('name'),
    'atm \\- Agent Tmux Monitor: every Claude Code agent you run in tmux, in one place',
    section('synopsis'),
    `.B atm\n${roffText(rootOptions.map(toOptionSynopsis).join(' '))}`,
    ...visible.filter((spec) => spec.name !== table.defaultCommand).map(synopsisLine),
    section('description'),
    roffText(
      'Claude Code sessions report to atm through hooks and the status line command; a small shim forwards each report over a Unix socket to atmd(8), a per-user daemon holding the registry of sessions. atm is the terminal dashboard and command line: it shows which agent waits for you, which works, how full its context is and what it costs, and jumps to its tmux pane.',
    ),
    '.PP',
    roffText('With no command, atm opens the dashboard. Every command takes --help; help never contacts atmd.'),
    section('commands'),
    ...visible.map(commandEntry),
    section('options'),
    roffText('Before any command:'),
    ...rootOptions.map((option) => tagged(optionTag(option), optionBody(option))),
    '.PP',
    roffText('With every command:'),
    ...table.globalOptions.map((option) => tagged(optionTag(option), optionBody(option))),
    section('environment'),
    ...ENVIRONMENT.map((entry) => tagged(bold(entry.name), roffText(entry.description))),
    section('files'),
    ...FILES.map((entry) => tagged(italic(entry.name), roffText(entry.description))),
    section('exit status'),
    ...EXIT_STATUSES.map((entry) => tagged(bold(entry.name), roffText(entry.description))),
    section('examples'),
    ...examples.map((example) => tagged(`\\f(CW${roffText(example.command)}\\fR`, roffText(example.description))),
    section('tmux bindings'),
    roffText('Lines for ~/.tmux.conf:'),
    ...TMUX_BINDINGS.map((entry) => tagged(`\\f(CW${roffText(entry.name)}\\fR`, roffText(entry.description))),
    section('see also'),
    `${bold('atmd')}(8), ${bold('atm.conf')}(5), ${bold('tmux')}(1), ${bold('claude')}(1)`,
    '',
  ].join('\n');
}
