/**
 * atmd's whole command line: it takes no arguments, only -h/--help and -V/--version, which print
 * and exit instead of starting a daemon. Pure data and a pure parser, so the man page (man/atmd.8)
 * is checked against ATMD_OPTIONS and the rules are a table test.
 */
export const ATMD_OPTIONS = [
  { name: 'help', short: 'h', description: 'print a short help and exit' },
  { name: 'version', short: 'V', description: 'print the version and exit' },
] as const;

export const ATMD_HELP = `atmd — the atm daemon: the registry of Claude Code sessions, on a Unix socket.

Usage: atmd [-h|--help] [-V|--version]

Runs in the foreground, as systemd and launchd want; normally started by them or by \`atm\`.
Socket: $ATM_SOCKET, else $XDG_RUNTIME_DIR/atm.sock. Config: $XDG_CONFIG_HOME/atm/config.yaml.
SIGTERM, SIGINT and SIGHUP save the sessions and stop it. See atmd(8).`;

export type AtmdCommandLine =
  { readonly kind: 'run' | 'help' | 'version' } | { readonly kind: 'usage-error'; readonly message: string };

export function parseAtmdArgs(args: readonly string[]): AtmdCommandLine {
  let wanted: 'help' | 'version' | null = null;
  for (const arg of args) {
    const option = ATMD_OPTIONS.find((o) => arg === `--${o.name}` || arg === `-${o.short}`);
    if (option === undefined)
      return {
        kind: 'usage-error',
        message: arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument "${arg}" (atmd takes none)`,
      };
    wanted ??= option.name;
  }
  return { kind: wanted ?? 'run' };
}
