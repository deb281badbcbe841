import { COLOR_MODES } from '../shared/color-mode.js';
import type { CommandSpec, CommandTable, OptionSpec } from './command-line/command-spec.js';

/**
 * Every atm command, as data. Parsing (node:util parseArgs), `--help`, `atm help <command>`, the
 * man page's synopsis and option lists and the bash/zsh/fish completions all come from here.
 *
 * To add a command: add one row below and one module src/cli/commands/<name>.ts that exports
 * `run(ctx, input)` (a CommandRunner). The row's `load` imports that module only when the command
 * is chosen, so nothing else pays for it. See /work/coord/log.md for the recipe.
 */

/** Options every command accepts (besides its own), handled before the command runs. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help and exit (never contacts atmd)' },
  {
    name: 'color',
    type: 'string',
    valueName: 'WHEN',
    choices: COLOR_MODES,
    default: 'auto',
    description: 'colour the output: auto (on a terminal, unless NO_COLOR is set), always or never',
  },
];

/** Options only `atm` itself takes, before any command. */
export const ROOT_OPTIONS: readonly OptionSpec[] = [
  { name: 'version', short: 'V', type: 'boolean', description: 'print the version and exit' },
];

/** The command run when none is named: `atm`, `atm --pick`, `atm --no-start`. */
export const DEFAULT_COMMAND = 'dashboard';

const NO_START: OptionSpec = {
  name: 'no-start',
  type: 'boolean',
  description: 'do not start atmd when none answers; wait for one instead',
};
const PROJECT: OptionSpec = {
  name: 'project',
  type: 'boolean',
  description: "use the project's ./.claude/settings.json instead of the user's settings",
};
const DRY_RUN: OptionSpec = {
  name: 'dry-run',
  type: 'boolean',
  description: 'show the change as a diff and write nothing',
};
const FORCE: OptionSpec = {
  name: 'force',
  type: 'boolean',
  description: 'write a read-only settings file anyway (its mode stays)',
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'dashboard',
    summary: 'open the dashboard (the default command)',
    description: 'The live dashboard of every session. Starts atmd when none answers (and says so), unless --no-start.',
    options: [
      { name: 'pick', type: 'boolean', description: 'pick a session: Enter jumps to its pane and exits' },
      NO_START,
    ],
    arguments: [],
    examples: [
      { command: 'atm', description: 'open the dashboard' },
      { command: 'tmux display-popup -E "atm --pick"', description: 'a picker in a tmux popup' },
    ],
    load: () => import('./commands/dashboard.js'),
  },
  {
    name: 'pick',
    summary: 'the dashboard as a picker: Enter jumps to the pane and exits',
    options: [NO_START],
    arguments: [],
    examples: [{ command: 'tmux display-popup -E "atm pick"', description: 'a picker in a tmux popup' }],
    load: () => import('./commands/dashboard.js'),
  },
  {
    name: 'list',
    aliases: ['ls'],
    summary: 'print the sessions as a table, or as JSON',
    description: 'One snapshot of the sessions atmd knows. In a pipe the lines are whole; on a terminal they are cut.',
    options: [{ name: 'json', type: 'boolean', description: 'print the sessions as a JSON array' }],
    arguments: [],
    examples: [
      { command: 'atm list', description: 'the sessions as a table' },
      { command: "atm list --json | jq -r '.[].name'", description: 'the session names' },
    ],
    load: () => import('./commands/list.js'),
  },
  {
    name: 'daemon',
    summary: 'start, run, stop or restart atmd, or say whether it answers',
    options: [],
    arguments: [
      {
        name: 'action',
        description: 'what to do',
        required: false,
        default: 'status',
        choices: [
          { value: 'start', summary: 'start atmd in the background (if none answers)' },
          { value: 'run', summary: 'run atmd in the foreground' },
          { value: 'stop', summary: 'stop atmd (exits 0 when none runs), once it is gone' },
          { value: 'restart', summary: 'stop atmd and start it again' },
          { value: 'status', summary: 'say whether atmd answers, and its version and pid' },
        ],
      },
    ],
    examples: [{ command: 'atm daemon start', description: 'start atmd unless it already answers' }],
    load: () => import('./commands/daemon.js'),
  },
  {
    name: 'service',
    summary: 'run atmd as a user service: systemd socket units on Linux, a launchd agent on macOS',
    description:
      'install writes the units (or the agent) for this installation, hands over from an atmd atm started, and enables and starts the socket; running it again changes nothing. uninstall keeps the saved sessions and the config. docs/SERVICE.md has the details.',
    options: [
      { name: 'dry-run', type: 'boolean', description: 'install: show what would be written and run, change nothing' },
    ],
    arguments: [
      {
        name: 'action',
        description: 'what to do',
        required: false,
        default: 'status',
        choices: [
          { value: 'install', summary: 'write, enable and start the units' },
          { value: 'uninstall', summary: 'stop, disable and remove the units (sessions and config stay)' },
          { value: 'status', summary: 'the units, their state, the socket and the last log lines' },
          { value: 'start', summary: 'start the socket (atmd starts on the first report)' },
          { value: 'stop', summary: 'stop the socket and atmd' },
          { value: 'restart', summary: 'restart atmd (reports wait on the socket meanwhile)' },
        ],
      },
    ],
    examples: [
      { command: 'atm service install --dry-run', description: 'see the units install would write' },
      { command: 'atm service install', description: 'run atmd under systemd (or launchd)' },
    ],
    load: () => import('./commands/service.js'),
  },
  {
    name: 'doctor',
    summary: 'check the whole installation, and say how to fix what is broken',
    description:
      'One line per check (node, atm on PATH, the config file, the service, the socket, atmd, Claude Code settings, the shim with a real probe, the Claude Code version, tmux, the state and log directories), with the command that fixes each failure. Exit 0 only when no check fails.',
    options: [{ name: 'json', type: 'boolean', description: 'print the checks as JSON' }],
    arguments: [],
    examples: [{ command: 'atm doctor', description: 'see what works and what to fix' }],
    load: () => import('./commands/doctor.js'),
  },
  {
    name: 'setup',
    summary: "add atm's hooks and status line to Claude Code's settings",
    description:
      'Edits $CLAUDE_CONFIG_DIR/settings.json, else ~/.claude/settings.json (--project: ./.claude/settings.json). Your own status line is kept: atm wraps it.',
    options: [
      PROJECT,
      DRY_RUN,
      { name: 'check', type: 'boolean', description: 'report what is installed and change nothing' },
      FORCE,
    ],
    arguments: [],
    examples: [
      { command: 'atm setup --dry-run', description: 'see what setup would change' },
      { command: 'atm setup --check', description: 'see whether atm is set up' },
    ],
    load: () => import('./commands/setup.js'),
  },
  {
    name: 'uninstall',
    summary: 'remove exactly what setup added, and restore your status line',
    options: [PROJECT, DRY_RUN, FORCE],
    arguments: [],
    examples: [{ command: 'atm uninstall --dry-run', description: 'see what uninstall would change' }],
    load: () => import('./commands/uninstall.js'),
  },
  {
    name: 'demo',
    summary: 'the dashboard with made-up sessions in every state, on a private atmd (no Claude Code needed)',
    description:
      'Six made-up sessions in four projects go through working, waiting (a permission, a question, a plan), idle, high context and subagents in about 10 s. They report to a private atmd in a temp dir: your own daemon, sessions and settings are untouched, and q removes it all.',
    options: [],
    arguments: [],
    examples: [{ command: 'atm demo', description: 'see what atm looks like' }],
    load: () => import('./commands/demo.js'),
  },
  {
    name: 'next',
    summary: 'jump to the session that has waited longest; again: the next one',
    description:
      'Switches tmux to the pane of the session that has waited longest for you. Run again while it still waits, it goes on to the next waiting one, round and round. Outside tmux (or from another tmux server) it prints the tmux command that attaches there. Exits 1 with "nothing is waiting" when nothing is.',
    options: [],
    arguments: [],
    examples: [
      {
        command: 'bind-key N run-shell -b "atm next"',
        description: 'in ~/.tmux.conf: prefix N goes to the next waiting agent',
      },
    ],
    load: () => import('./commands/next.js'),
  },
  {
    name: 'jump',
    summary: "switch tmux to one session's pane",
    description:
      'The session is named by its id, a unique id prefix, its project, or its tmux window (`session:window` or the window name). Outside tmux (or from another tmux server) it prints the tmux command that attaches there.',
    options: [],
    arguments: [
      { name: 'session', description: 'an id, id prefix, project or tmux window', required: true, complete: 'session' },
    ],
    examples: [{ command: 'atm jump shop-frontend', description: "go to the shop-frontend agent's pane" }],
    load: () => import('./commands/jump.js'),
  },
  {
    name: 'status',
    summary: 'print "2 waiting · 3 working" for a status bar',
    description:
      'The text of the tmux segment, for other bars (waybar, i3blocks, sketchybar). In tmux, `#{@atm_status}` needs no process at all: atmd keeps @atm_status, @atm_waiting and @atm_working set on each tmux server it has sessions on. Nothing waiting or working prints an empty line.',
    options: [
      {
        name: 'format',
        type: 'string',
        valueName: 'FORMAT',
        description: 'print FORMAT with {waiting}, {working}, {idle}, {total} and {text} replaced',
      },
    ],
    arguments: [],
    examples: [
      { command: 'atm status', description: '2 waiting · 3 working' },
      { command: "atm status --format '{waiting}'", description: 'just the count of waiting sessions' },
    ],
    load: () => import('./commands/status.js'),
  },
  {
    name: 'completion',
    summary: 'print the shell completion script for bash, zsh or fish',
    description:
      'The same scripts are installed by the packages (and kept in completions/). To load one by hand: bash `source <(atm completion bash)`, zsh `source <(atm completion zsh)`, fish `atm completion fish | source`.',
    options: [],
    arguments: [
      { name: 'shell', description: 'the shell to complete for', required: true, choices: ['bash', 'zsh', 'fish'] },
    ],
    examples: [
      {
        command: 'atm completion bash > ~/.local/share/bash-completion/completions/atm',
        description: 'bash, per user',
      },
      { command: 'atm completion fish > ~/.config/fish/completions/atm.fish', description: 'fish, per user' },
    ],
    load: () => import('./commands/completion.js'),
  },
  {
    name: 'watch',
    summary: 'print every change as it happens (NDJSON with --json)',
    description:
      "Follows atmd, and keeps following across its restarts: first the sessions as they are, then one line per change of a session's status, wait, project, pane, cost or context. --json prints the lines documented in docs/PROTOCOL.md. With --until and --session it exits 0 once that session is in that state (gone: no longer listed).",
    options: [
      { name: 'json', type: 'boolean', description: 'print NDJSON lines (docs/PROTOCOL.md, "atm watch")' },
      {
        name: 'until',
        type: 'string',
        valueName: 'STATE',
        choices: [
          { value: 'waiting', summary: 'the session waits for you' },
          { value: 'idle', summary: 'the session finished its turn' },
          { value: 'gone', summary: 'the session ended' },
        ],
        description: 'exit 0 when the --session reaches STATE',
      },
      {
        name: 'session',
        type: 'string',
        valueName: 'ID',
        complete: 'session',
        description: 'the session --until watches (an id or a 4+ character prefix)',
      },
    ],
    arguments: [],
    examples: [
      { command: 'atm watch --json', description: 'every change, as JSON lines' },
      {
        command: 'atm watch --until idle --session 5b0f7c2e && say done',
        description: 'speak when that agent is done',
      },
    ],
    load: () => import('./commands/watch.js'),
  },
  {
    name: 'help',
    summary: 'show the help of atm or of one command',
    options: [],
    arguments: [{ name: 'command', description: 'the command to explain', required: false, complete: 'command' }],
    examples: [{ command: 'atm help setup', description: "setup's options" }],
    load: () => import('./commands/help.js'),
  },
  {
    name: 'version',
    summary: 'print the version',
    options: [],
    arguments: [],
    examples: [],
    load: () => import('./commands/version.js'),
  },
  {
    name: '__sessions',
    summary: 'list the sessions for the shell completions (id or project, a tab, a description)',
    options: [],
    arguments: [],
    examples: [],
    hidden: true,
    load: () => import('./commands/complete-sessions.js'),
  },
  {
    name: 'hook',
    summary: 'forward one hook payload from stdin to atmd',
    options: [],
    arguments: [],
    examples: [],
    hotPath: true,
  },
  {
    name: 'statusline',
    summary: 'forward a statusLine payload to atmd and print the status line',
    options: [],
    arguments: [],
    examples: [],
    hotPath: true,
  },
];

export const COMMAND_TABLE: CommandTable = {
  commands: COMMANDS,
  globalOptions: GLOBAL_OPTIONS,
  rootOptions: ROOT_OPTIONS,
  defaultCommand: DEFAULT_COMMAND,
};
