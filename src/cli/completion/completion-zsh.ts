import type { CompletionModel, CompletionOption, ValueCompletion } from './completion-model.js';
import { commandWords, SESSIONS_COMMAND } from './completion-model.js';
import { GENERATED_NOTE, plain, singleQuoted } from './shell-words.js';

/** Text inside an _arguments `[description]` or a `value:description` pair. */
const zshText = (text: string): string => text.replace(/[\\[\]:]/g, (c) => `\\${c}`);

function zshAction(value: ValueCompletion): string {
  switch (value.kind) {
    case 'words':
      return value.words.some((w) => w.description !== '')
        ? `((${value.words.map((w) => `${plain(w.value)}\\:"${zshText(w.description).replace(/["`$]/g, (c) => `\\${c}`)}"`).join(' ')}))`
        : `(${value.words.map((w) => plain(w.value)).join(' ')})`;
    case 'source':
      switch (value.source) {
        case 'session':
          return '_atm_sessions';
        case 'command':
          return '_atm_commands';
        case 'file':
          return '_files';
        case 'directory':
          return '_files -/';
      }
    // falls through: unreachable, every source is handled
    case 'any':
      return ' ';
  }
}

function optionSpecs(options: readonly CompletionOption[]): string[] {
  return options.map((o) => {
    const description = `[${zshText(o.description)}]`;
    const value = o.value === undefined ? '' : `:${plain(o.long)}:${zshAction(o.value)}`;
    const long = `--${plain(o.long)}${o.value === undefined ? '' : '='}`;
    if (o.short === undefined) return singleQuoted(`${long}${description}${value}`);
    const short = `-${plain(o.short)}`;
    return `${singleQuoted(`(${short} --${o.long})`)}{${short},${long}}${singleQuoted(`${description}${value}`)}`;
  });
}

/** The zsh completion: an autoloadable `_atm` (#compdef) that also works when sourced. */
export function renderZshCompletion(model: CompletionModel): string {
  const commands = commandWords(model).map((w) => singleQuoted(`${plain(w.value)}:${zshText(w.description)}`));
  const cases = model.commands.map((command) => {
    const positionals = command.positionals.map((p, i) =>
      singleQuoted(`${i + 1}:${zshText(p.description)}:${zshAction(p.value)}`),
    );
    const specs = [...optionSpecs(command.options), ...positionals];
    return `        (${command.names.map(plain).join('|')})\n          _arguments -s \\\n            ${specs.join(' \\\n            ')} && ret=0\n          ;;`;
  });
  return `#compdef atm
# ${GENERATED_NOTE('zsh').replace(/\n/g, '\n# ')}

_atm_commands() {
  local -a commands
  commands=(
    ${commands.join('\n    ')}
  )
  _describe -t commands 'atm command' commands
}

_atm_sessions() {
  local -a lines sessions
  local line
  lines=(\${(f)"$(command atm ${SESSIONS_COMMAND} 2>/dev/null)"})
  for line in $lines; do
    sessions+=("\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}")
  done
  _describe -t sessions 'session' sessions
}

_atm() {
  local curcontext="$curcontext" state line ret=1
  typeset -A opt_args
  _arguments -C -s \\
    ${optionSpecs(model.rootOptions).join(' \\\n    ')} \\
    '1: :_atm_commands' \\
    '*:: :->command' && ret=0
  case $state in
    command)
      curcontext="\${curcontext%:*:*}:atm-$words[1]:"
      case $words[1] in
${cases.join('\n')}
      esac
      ;;
  esac
  return ret
}

if [ "$funcstack[1]" = "_atm" ]; then
  _atm "$@"
else
  compdef _atm atm
fi
`;
}
