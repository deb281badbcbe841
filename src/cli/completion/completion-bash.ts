import type { CompletionModel, CompletionOption } from './completion-model.js';
import { SESSIONS_COMMAND } from './completion-model.js';
import { allCommandNames, GENERATED_NOTE, plain, toValueToken } from './shell-words.js';

const optionWords = (options: readonly CompletionOption[]): string =>
  options.flatMap((o) => [...(o.short === undefined ? [] : [`-${plain(o.short)}`]), `--${plain(o.long)}`]).join(' ');

const valued = (options: readonly CompletionOption[]): string =>
  options
    .filter((o) => o.value !== undefined)
    .flatMap((o) => [...(o.short === undefined ? [] : [`-${o.short}`]), `--${o.long}`])
    .join(' ');

function valueCases(options: readonly CompletionOption[], indent: string): string[] {
  return options.flatMap((o) =>
    o.value === undefined
      ? []
      : [
          `${indent}${[...(o.short === undefined ? [] : [`-${o.short}`]), `--${o.long}`].join('|')}) _atm_values '${toValueToken(o.value)}'; return ;;`,
        ],
  );
}

/** The bash completion script: a `complete -F` function, with or without bash-completion loaded. */
export function renderBashCompletion(model: CompletionModel): string {
  const blocks = model.commands.map((command) =>
    [
      `    ${command.names.map(plain).join('|')})`,
      '      case $prev in',
      ...valueCases(command.options, '        '),
      '      esac',
      `      opts='${optionWords(command.options)}'`,
      `      valued=' ${valued(command.options)} '`,
      `      positionals=(${command.positionals.map((p) => `'${toValueToken(p.value)}'`).join(' ')})`,
      '      ;;',
    ].join('\n'),
  );
  return `# ${GENERATED_NOTE('bash').replace(/\n/g, '\n# ')}

_atm_values() {
  case $1 in
    @session) COMPREPLY=($(compgen -W "$(command atm ${SESSIONS_COMMAND} 2>/dev/null | cut -f1)" -- "$cur")) ;;
    @command) COMPREPLY=($(compgen -W '${allCommandNames(model)}' -- "$cur")) ;;
    @file) COMPREPLY=($(compgen -f -- "$cur")) ;;
    @directory) COMPREPLY=($(compgen -d -- "$cur")) ;;
    @any | @none) COMPREPLY=() ;;
    *) COMPREPLY=($(compgen -W "$1" -- "$cur")) ;;
  esac
}

_atm() {
  local cur prev words cword split
  if declare -F _init_completion >/dev/null 2>&1; then
    _init_completion -s || return
  else
    words=("\${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur=\${COMP_WORDS[COMP_CWORD]}
    prev=\${COMP_WORDS[COMP_CWORD - 1]}
  fi
  # The command is the first word that is neither an option nor the value of atm's own --color.
  local cmd='' start=1 i
  for ((i = 1; i < cword; i++)); do
    case \${words[i]} in
      ${valued(model.rootOptions).split(' ').filter(Boolean).join(' | ') || '--'}) ((i++)) ;;
      -*) ;;
      *)
        cmd=\${words[i]}
        start=$((i + 1))
        break
        ;;
    esac
  done
  local opts valued positionals
  case $cmd in
    '')
      case $prev in
${valueCases(model.rootOptions, '        ').join('\n')}
      esac
      opts='${optionWords(model.rootOptions)}'
      valued=' ${valued(model.rootOptions)} '
      positionals=('@command')
      ;;
${blocks.join('\n')}
    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  # Which positional argument is being typed: count the words before it, skipping option values.
  local k=0 j
  for ((j = start; j < cword; j++)); do
    if [[ $valued == *" \${words[j]} "* ]]; then
      ((j++))
    elif [[ \${words[j]} != -* ]]; then
      ((k++))
    fi
  done
  _atm_values "\${positionals[k]:-@none}"
}

complete -F _atm atm
`;
}
