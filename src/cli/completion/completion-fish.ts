import type { CompletionCommand, CompletionModel, CompletionOption, ValueCompletion } from './completion-model.js';
import { SESSIONS_COMMAND } from './completion-model.js';
import { GENERATED_NOTE, plain, singleQuoted } from './shell-words.js';

const q = (text: string): string => singleQuoted(text, 'fish');

/** The arguments of `complete` that offer a value: fixed words, sessions, files or nothing. */
function fishValue(value: ValueCompletion): string[] {
  switch (value.kind) {
    case 'words':
      return [];
    case 'source':
      switch (value.source) {
        case 'session':
          return ['-x', '-a', q(`(command atm ${SESSIONS_COMMAND} 2>/dev/null)`)];
        case 'command':
          return ['-x', '-a', q('(__atm_commands)')];
        case 'file':
          return ['-F', '-r'];
        case 'directory':
          return ['-x', '-a', q('(__fish_complete_directories)')];
      }
    // falls through: unreachable, every source is handled
    case 'any':
      return ['-x'];
  }
}

function optionLines(condition: string, options: readonly CompletionOption[]): string[] {
  return options.flatMap((o) => {
    const flags = [...(o.short === undefined ? [] : ['-s', plain(o.short)]), '-l', plain(o.long)];
    const head = ['complete -c atm -n', q(condition), ...flags, '-d', q(o.description)];
    if (o.value === undefined) return [head.join(' ')];
    if (o.value.kind === 'words')
      return o.value.words.map((w) =>
        [...head.slice(0, -2), '-x', '-a', q(plain(w.value)), '-d', q(w.description || o.description)].join(' '),
      );
    return [[...head, ...fishValue(o.value)].join(' ')];
  });
}

function argumentLines(command: CompletionCommand): string[] {
  const names = command.names.map(plain).join(' ');
  return command.positionals.flatMap(({ value, description }, index) => {
    const condition = q(`__atm_argument_is ${index + 1} ${names}`);
    if (value.kind === 'words')
      return value.words.map((w) =>
        ['complete -c atm -n', condition, '-x -a', q(plain(w.value)), '-d', q(w.description || description)].join(' '),
      );
    return [['complete -c atm -n', condition, ...fishValue(value)].join(' ')];
  });
}

/** The fish completion: `complete` lines, conditions from two small helper functions. */
export function renderFishCompletion(model: CompletionModel): string {
  const valued = [...model.rootOptions, ...model.commands.flatMap((c) => c.options)]
    .filter((o) => o.value !== undefined)
    .flatMap((o) => [`--${plain(o.long)}`, ...(o.short === undefined ? [] : [`-${plain(o.short)}`])]);
  const lines = [
    `# ${GENERATED_NOTE('fish').replace(/\n/g, '\n# ')}`,
    '',
    '# Options that take their value as the next word (so it is not taken for an argument).',
    `set -g __atm_valued ${[...new Set(valued)].join(' ')}`,
    '',
    '# The words typed so far that are not options: the command, then its arguments.',
    'function __atm_words',
    '    set -l skip 0',
    '    for token in (commandline -opc)[2..-1]',
    '        if test $skip = 1',
    '            set skip 0',
    '        else if contains -- $token $__atm_valued',
    '            set skip 1',
    "        else if not string match -q -- '-*' $token",
    '            echo $token',
    '        end',
    '    end',
    'end',
    '',
    '# True while typing argument N of one of the named commands.',
    'function __atm_argument_is',
    '    set -l words (__atm_words)',
    '    contains -- "$words[1]" $argv[2..-1]; and test (count $words) -eq $argv[1]',
    'end',
    '',
    'function __atm_command_is',
    '    set -l words (__atm_words)',
    '    contains -- "$words[1]" $argv',
    'end',
    '',
    'function __atm_no_command',
    '    test (count (__atm_words)) -eq 0',
    'end',
    '',
    'function __atm_commands',
    ...model.commands.flatMap((c) =>
      c.names.map((name) => `    printf '%s\\t%s\\n' ${q(plain(name))} ${q(c.summary)}`),
    ),
    'end',
    '',
    'complete -c atm -f',
    "complete -c atm -n __atm_no_command -a '(__atm_commands)'",
    ...optionLines('__atm_no_command', model.rootOptions),
    ...model.commands.flatMap((command) => [
      '',
      ...optionLines(`__atm_command_is ${command.names.map(plain).join(' ')}`, command.options),
      ...argumentLines(command),
    ]),
    '',
  ];
  return lines.join('\n');
}
