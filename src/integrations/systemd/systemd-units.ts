/**
 * atm's systemd user units, rendered by pure functions. The files shipped in systemd/ are these
 * renderings for a distribution package (atmd at /usr/bin/atmd); `atm service install` renders
 * them again with this installation's node and atmd (a test keeps the two in step).
 */
export const SOCKET_UNIT = 'atm.socket';
export const SERVICE_UNIT = 'atm.service';
/** `FileDescriptorName=`: atmd takes the fd systemd names so in LISTEN_FDNAMES. */
export const SOCKET_FD_NAME = 'atm';
/** What a package installs: `ExecStart=/usr/bin/atmd` (npm's bin shim execs node, never forks). */
export const PACKAGED_EXEC_START = ['/usr/bin/atmd'] as const;
/** The socket as systemd spells it: %t is $XDG_RUNTIME_DIR. */
export const DEFAULT_LISTEN_PATH = '%t/atm.sock';

/**
 * One ExecStart word. Words of plain path characters stay as they are; anything else is double
 * quoted with backslash escapes. `%` (a specifier) and `$` (an environment variable) are doubled
 * in every word, so a path can never be read as either.
 */
export function toSystemdWord(word: string): string {
  const literal = word.replaceAll('%', '%%').replaceAll('$', () => '$$');
  if (/^[A-Za-z0-9_./:+,=@%$-]+$/.test(literal)) return literal;
  return `"${literal.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** A socket path for `ListenStream=`: the specifier form is kept, a literal path has its % doubled. */
const toListenPath = (path: string): string => (path === DEFAULT_LISTEN_PATH ? path : path.replaceAll('%', '%%'));

export function renderSocketUnit(options: { listenPath?: string } = {}): string {
  return `# ${SOCKET_UNIT}: the socket atm's hooks and dashboard connect to. systemd owns it, so a report
# sent while atmd is stopped or restarting waits in the kernel's queue until atmd accepts it.
# Enable with: systemctl --user enable --now ${SOCKET_UNIT}   (or: atm service install)
[Unit]
Description=atm daemon socket (Agent Tmux Monitor)

[Socket]
ListenStream=${toListenPath(options.listenPath ?? DEFAULT_LISTEN_PATH)}
SocketMode=0600
DirectoryMode=0700
# atmd adopts the fd with this name from LISTEN_FDNAMES.
FileDescriptorName=${SOCKET_FD_NAME}
# Stopping the socket (atm service stop, uninstall) removes the file: no stale socket is left.
RemoveOnStop=yes

[Install]
WantedBy=sockets.target
`;
}

export function renderServiceUnit(options: { execStart?: readonly string[] } = {}): string {
  const execStart = (options.execStart ?? PACKAGED_EXEC_START).map(toSystemdWord).join(' ');
  return `# ${SERVICE_UNIT}: atmd, the atm daemon. ${SOCKET_UNIT} starts it on the first connection.
[Unit]
Description=atm daemon (Agent Tmux Monitor)
Requires=${SOCKET_UNIT}
After=${SOCKET_UNIT}

[Service]
# Type=exec, not notify: Node cannot send sd_notify without a native addon (it has no AF_UNIX
# datagram sockets), and it need not. The kernel queues connections on the socket until atmd
# accepts them, so nothing is lost while it starts.
Type=exec
# ExecStart must be node itself (or a launcher that execs it): atmd checks LISTEN_PID.
ExecStart=${execStart}
Restart=on-failure
RestartSec=200ms
# On SIGTERM atmd stops accepting, finishes the reports it has accepted, saves and exits; the
# connections it has not accepted stay queued on the socket for the next atmd.
TimeoutStopSec=15
# Logs: atmd writes JSON lines to $XDG_STATE_HOME/atm/log (daily files, 10 MB each, 7 days).
# Its stderr, where start-up failures and a log file it cannot write (a full disk) are reported,
# goes to the journal: journalctl --user -u ${SERVICE_UNIT}
StandardOutput=journal
StandardError=journal
SyslogIdentifier=atmd
# Hardening that works in a user manager and leaves V8 alone (MemoryDenyWriteExecute would
# break its JIT, so it is left out).
NoNewPrivileges=yes
LockPersonality=yes
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
SystemCallArchitectures=native

[Install]
Also=${SOCKET_UNIT}
`;
}
