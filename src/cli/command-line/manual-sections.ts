/**
 * The parts of atm's help and man page that are not about one command: environment, exit
 * statuses. Plain data, shared by `atm --help` and man/atm.1 (whose drift test reads it).
 */
export interface Entry {
  readonly name: string;
  readonly description: string;
}

export const ENVIRONMENT: readonly Entry[] = [
  { name: 'ATM_SOCKET', description: "the daemon's socket (default $XDG_RUNTIME_DIR/atm.sock)" },
  { name: 'ATM_CONFIG', description: 'a config file to use instead of $XDG_CONFIG_HOME/atm/config.yaml' },
  { name: 'ATM_LOG_LEVEL', description: 'error, warn, info or debug' },
  { name: 'ATM_AGENT_PID', description: "the agent's pid, for wrappers (hook and statusline)" },
  { name: 'CLAUDE_CONFIG_DIR', description: "Claude Code's config directory (setup, uninstall)" },
  { name: 'XDG_DATA_HOME', description: 'where setup puts the hook shim (default ~/.local/share/atm)' },
  { name: 'NO_COLOR', description: 'when set and not empty, no colour (no-color.org); --color wins' },
  { name: 'FORCE_COLOR', description: 'colour even in a pipe; 0 or false: never; wins over NO_COLOR' },
];

export const EXIT_STATUSES: readonly Entry[] = [
  { name: '0', description: 'success' },
  { name: '1', description: 'failure' },
  { name: '2', description: 'usage error: an unknown command, option or argument' },
  { name: '3', description: 'atmd did not answer' },
  { name: '4', description: 'an invalid config or settings file' },
];

/** For the man page's FILES. */
export const FILES: readonly Entry[] = [
  { name: '$XDG_RUNTIME_DIR/atm.sock', description: "atmd's socket (0600, in a 0700 directory); $ATM_SOCKET moves it" },
  { name: '$XDG_CONFIG_HOME/atm/config.yaml', description: 'the configuration, see atm.conf(5); .yml and .json too' },
  { name: '$XDG_STATE_HOME/atm/', description: 'the saved sessions, and the daemon log in log/' },
  { name: '$XDG_DATA_HOME/atm/atm-report.sh', description: 'the hook shim that atm setup installs' },
  {
    name: '~/.claude/settings.json',
    description: "Claude Code's settings, where atm setup adds its hooks ($CLAUDE_CONFIG_DIR moves it)",
  },
];

/** For the man page's TMUX BINDINGS: lines for ~/.tmux.conf. */
export const TMUX_BINDINGS: readonly Entry[] = [
  {
    name: 'bind-key a display-popup -E -w 90% -h 80% "atm pick"',
    description: 'prefix a: pick a session in a popup and jump to it',
  },
  { name: 'bind-key A new-window atm', description: 'prefix A: the dashboard in a window of its own' },
];
