# bash completion for atm. Generated from src/cli/command-table.ts (npm run generate); do not edit.
# Also printed by `atm completion bash`.

_atm_values() {
  case $1 in
    @session) COMPREPLY=($(compgen -W "$(command atm __sessions 2>/dev/null | cut -f1)" -- "$cur")) ;;
    @command) COMPREPLY=($(compgen -W 'dashboard pick list ls daemon service doctor setup uninstall demo next jump status completion watch help version' -- "$cur")) ;;
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
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
  fi
  # The command is the first word that is neither an option nor the value of atm's own --color.
  local cmd='' start=1 i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      --color) ((i++)) ;;
      -*) ;;
      *)
        cmd=${words[i]}
        start=$((i + 1))
        break
        ;;
    esac
  done
  local opts valued positionals
  case $cmd in
    '')
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--pick --no-start -h --help --color -V --version'
      valued=' --color '
      positionals=('@command')
      ;;
    dashboard)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--pick --no-start -h --help --color'
      valued=' --color '
      positionals=()
      ;;
    pick)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--no-start -h --help --color'
      valued=' --color '
      positionals=()
      ;;
    list|ls)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--json -h --help --color'
      valued=' --color '
      positionals=()
      ;;
    daemon)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='-h --help --color'
      valued=' --color '
      positionals=('start run stop restart status')
      ;;
    service)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--dry-run -h --help --color'
      valued=' --color '
      positionals=('install uninstall status start stop restart')
      ;;
    doctor)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--json -h --help --color'
      valued=' --color '
      positionals=()
      ;;
    setup)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--project --dry-run --check --force -h --help --color'
      valued=' --color '
      positionals=()
      ;;
    uninstall)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--project --dry-run --force -h --help --color'
      valued=' --color '
      positionals=()
      ;;
    demo)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='-h --help --color'
      valued=' --color '
      positionals=()
      ;;
    next)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='-h --help --color'
      valued=' --color '
      positionals=()
      ;;
    jump)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='-h --help --color'
      valued=' --color '
      positionals=('@session')
      ;;
    status)
      case $prev in
        --format) _atm_values '@any'; return ;;
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--format -h --help --color'
      valued=' --format --color '
      positionals=()
      ;;
    completion)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='-h --help --color'
      valued=' --color '
      positionals=('bash zsh fish')
      ;;
    watch)
      case $prev in
        --until) _atm_values 'waiting idle gone'; return ;;
        --session) _atm_values '@session'; return ;;
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='--json --until --session -h --help --color'
      valued=' --until --session --color '
      positionals=()
      ;;
    help)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='-h --help --color'
      valued=' --color '
      positionals=('@command')
      ;;
    version)
      case $prev in
        --color) _atm_values 'auto always never'; return ;;
      esac
      opts='-h --help --color'
      valued=' --color '
      positionals=()
      ;;
    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  # Which positional argument is being typed: count the words before it, skipping option values.
  local k=0 j
  for ((j = start; j < cword; j++)); do
    if [[ $valued == *" ${words[j]} "* ]]; then
      ((j++))
    elif [[ ${words[j]} != -* ]]; then
      ((k++))
    fi
  done
  _atm_values "${positionals[k]:-@none}"
}

complete -F _atm atm
