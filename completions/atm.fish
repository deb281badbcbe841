# fish completion for atm. Generated from src/cli/command-table.ts (npm run generate); do not edit.
# Also printed by `atm completion fish`.

# Options that take their value as the next word (so it is not taken for an argument).
set -g __atm_valued --color --format --until --session

# The words typed so far that are not options: the command, then its arguments.
function __atm_words
    set -l skip 0
    for token in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
        else if contains -- $token $__atm_valued
            set skip 1
        else if not string match -q -- '-*' $token
            echo $token
        end
    end
end

# True while typing argument N of one of the named commands.
function __atm_argument_is
    set -l words (__atm_words)
    contains -- "$words[1]" $argv[2..-1]; and test (count $words) -eq $argv[1]
end

function __atm_command_is
    set -l words (__atm_words)
    contains -- "$words[1]" $argv
end

function __atm_no_command
    test (count (__atm_words)) -eq 0
end

function __atm_commands
    printf '%s\t%s\n' 'dashboard' 'open the dashboard (the default command)'
    printf '%s\t%s\n' 'pick' 'the dashboard as a picker: Enter jumps to the pane and exits'
    printf '%s\t%s\n' 'list' 'print the sessions as a table, or as JSON'
    printf '%s\t%s\n' 'ls' 'print the sessions as a table, or as JSON'
    printf '%s\t%s\n' 'daemon' 'start, run, stop or restart atmd, or say whether it answers'
    printf '%s\t%s\n' 'service' 'run atmd as a user service: systemd socket units on Linux, a launchd agent on macOS'
    printf '%s\t%s\n' 'doctor' 'check the whole installation, and say how to fix what is broken'
    printf '%s\t%s\n' 'setup' 'add atm\'s hooks and status line to Claude Code\'s settings'
    printf '%s\t%s\n' 'uninstall' 'remove exactly what setup added, and restore your status line'
    printf '%s\t%s\n' 'demo' 'the dashboard with made-up sessions in every state, on a private atmd (no Claude Code needed)'
    printf '%s\t%s\n' 'next' 'jump to the session that has waited longest; again: the next one'
    printf '%s\t%s\n' 'jump' 'switch tmux to one session\'s pane'
    printf '%s\t%s\n' 'status' 'print "2 waiting · 3 working" for a status bar'
    printf '%s\t%s\n' 'completion' 'print the shell completion script for bash, zsh or fish'
    printf '%s\t%s\n' 'watch' 'print every change as it happens (NDJSON with --json)'
    printf '%s\t%s\n' 'help' 'show the help of atm or of one command'
    printf '%s\t%s\n' 'version' 'print the version'
end

complete -c atm -f
complete -c atm -n __atm_no_command -a '(__atm_commands)'
complete -c atm -n '__atm_no_command' -l pick -d 'pick a session: Enter jumps to its pane and exits'
complete -c atm -n '__atm_no_command' -l no-start -d 'do not start atmd when none answers; wait for one instead'
complete -c atm -n '__atm_no_command' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_no_command' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_no_command' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_no_command' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_no_command' -s V -l version -d 'print the version and exit'

complete -c atm -n '__atm_command_is dashboard' -l pick -d 'pick a session: Enter jumps to its pane and exits'
complete -c atm -n '__atm_command_is dashboard' -l no-start -d 'do not start atmd when none answers; wait for one instead'
complete -c atm -n '__atm_command_is dashboard' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is dashboard' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is dashboard' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is dashboard' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is pick' -l no-start -d 'do not start atmd when none answers; wait for one instead'
complete -c atm -n '__atm_command_is pick' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is pick' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is pick' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is pick' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is list ls' -l json -d 'print the sessions as a JSON array'
complete -c atm -n '__atm_command_is list ls' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is list ls' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is list ls' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is list ls' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is daemon' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is daemon' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is daemon' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is daemon' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_argument_is 1 daemon' -x -a 'start' -d 'start atmd in the background (if none answers)'
complete -c atm -n '__atm_argument_is 1 daemon' -x -a 'run' -d 'run atmd in the foreground'
complete -c atm -n '__atm_argument_is 1 daemon' -x -a 'stop' -d 'stop atmd (exits 0 when none runs), once it is gone'
complete -c atm -n '__atm_argument_is 1 daemon' -x -a 'restart' -d 'stop atmd and start it again'
complete -c atm -n '__atm_argument_is 1 daemon' -x -a 'status' -d 'say whether atmd answers, and its version and pid'

complete -c atm -n '__atm_command_is service' -l dry-run -d 'install: show what would be written and run, change nothing'
complete -c atm -n '__atm_command_is service' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is service' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is service' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is service' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_argument_is 1 service' -x -a 'install' -d 'write, enable and start the units'
complete -c atm -n '__atm_argument_is 1 service' -x -a 'uninstall' -d 'stop, disable and remove the units (sessions and config stay)'
complete -c atm -n '__atm_argument_is 1 service' -x -a 'status' -d 'the units, their state, the socket and the last log lines'
complete -c atm -n '__atm_argument_is 1 service' -x -a 'start' -d 'start the socket (atmd starts on the first report)'
complete -c atm -n '__atm_argument_is 1 service' -x -a 'stop' -d 'stop the socket and atmd'
complete -c atm -n '__atm_argument_is 1 service' -x -a 'restart' -d 'restart atmd (reports wait on the socket meanwhile)'

complete -c atm -n '__atm_command_is doctor' -l json -d 'print the checks as JSON'
complete -c atm -n '__atm_command_is doctor' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is doctor' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is doctor' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is doctor' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is setup' -l project -d 'use the project\'s ./.claude/settings.json instead of the user\'s settings'
complete -c atm -n '__atm_command_is setup' -l dry-run -d 'show the change as a diff and write nothing'
complete -c atm -n '__atm_command_is setup' -l check -d 'report what is installed and change nothing'
complete -c atm -n '__atm_command_is setup' -l force -d 'write a read-only settings file anyway (its mode stays)'
complete -c atm -n '__atm_command_is setup' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is setup' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is setup' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is setup' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is uninstall' -l project -d 'use the project\'s ./.claude/settings.json instead of the user\'s settings'
complete -c atm -n '__atm_command_is uninstall' -l dry-run -d 'show the change as a diff and write nothing'
complete -c atm -n '__atm_command_is uninstall' -l force -d 'write a read-only settings file anyway (its mode stays)'
complete -c atm -n '__atm_command_is uninstall' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is uninstall' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is uninstall' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is uninstall' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is demo' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is demo' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is demo' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is demo' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is next' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is next' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is next' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is next' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is jump' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is jump' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is jump' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is jump' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_argument_is 1 jump' -x -a '(command atm __sessions 2>/dev/null)'

complete -c atm -n '__atm_command_is status' -l format -d 'print FORMAT with {waiting}, {working}, {idle}, {total} and {text} replaced' -x
complete -c atm -n '__atm_command_is status' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is status' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is status' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is status' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is completion' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is completion' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is completion' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is completion' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_argument_is 1 completion' -x -a 'bash' -d 'the shell to complete for'
complete -c atm -n '__atm_argument_is 1 completion' -x -a 'zsh' -d 'the shell to complete for'
complete -c atm -n '__atm_argument_is 1 completion' -x -a 'fish' -d 'the shell to complete for'

complete -c atm -n '__atm_command_is watch' -l json -d 'print NDJSON lines (docs/PROTOCOL.md, "atm watch")'
complete -c atm -n '__atm_command_is watch' -l until -x -a 'waiting' -d 'the session waits for you'
complete -c atm -n '__atm_command_is watch' -l until -x -a 'idle' -d 'the session finished its turn'
complete -c atm -n '__atm_command_is watch' -l until -x -a 'gone' -d 'the session ended'
complete -c atm -n '__atm_command_is watch' -l session -d 'the session --until watches (an id or a 4+ character prefix)' -x -a '(command atm __sessions 2>/dev/null)'
complete -c atm -n '__atm_command_is watch' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is watch' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is watch' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is watch' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'

complete -c atm -n '__atm_command_is help' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is help' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is help' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is help' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_argument_is 1 help' -x -a '(__atm_commands)'

complete -c atm -n '__atm_command_is version' -s h -l help -d 'show this help and exit (never contacts atmd)'
complete -c atm -n '__atm_command_is version' -l color -x -a 'auto' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is version' -l color -x -a 'always' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c atm -n '__atm_command_is version' -l color -x -a 'never' -d 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never'
