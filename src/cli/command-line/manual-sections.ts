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
];

export const EXIT_STATUSES: readonly Entry[] = [
  { name: '0', description: 'success' },
  { name: '1', description: 'failure' },
  { name: '2', description: 'usage error: an unknown command, option or argument' },
  { name: '3', description: 'atmd did not answer' },
  { name: '4', description: 'an invalid config or settings file' },
];
