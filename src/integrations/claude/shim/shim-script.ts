import { SHIM_FILE_NAME, toShellWord } from '../settings-atm-entries.js';
import type { Transport } from './shim-transport.js';

/** What `atm setup` bakes into the shim: everything it would otherwise have to look up per event. */
export interface ShimConfig {
  readonly transport: Transport;
  /** The node binary and atm's main.js, for the node transport (and when nc/socat vanish later). */
  readonly nodePath: string;
  readonly atmMain: string;
  /** paths.ts's socket when neither $ATM_SOCKET nor $XDG_RUNTIME_DIR is set (it depends on the uid and home). */
  readonly fallbackSocket: string;
  readonly atmVersion: string;
  readonly protocolVersion: string;
}

/** Printed as the status line when atmd cannot be reached (never an error, never a non-zero exit). */
export const FALLBACK_STATUS_LINE = 'atm: atmd is not running (atm daemon start)';

/** Printed as the status line when atmd took the report but said nothing (hung, or busy past 2 s). */
export const NO_ANSWER_STATUS_LINE = 'atm: atmd did not answer';

/** The line of the shim that records the transport; `atm setup --check` reads it back. */
export const TRANSPORT_LINE = /^transport='(nc|socat|node)'$/m;

/**
 * The POSIX-sh shim Claude Code runs for every hook event and for the status line. It never
 * parses the payload: it prints the one-shot envelope (docs/PROTOCOL.md) and streams stdin
 * after it, so an event costs a shell, `date`, `cat` and `nc` (or `socat`), no Node. Pure.
 */
export function renderShim(config: ShimConfig): string {
  const tool = config.transport.kind === 'node' ? '' : config.transport.path;
  const header = [
    '#!/bin/sh',
    `# ${SHIM_FILE_NAME}: forwards Claude Code's hook and statusLine JSON to atmd, unparsed.`,
    `# Written by \`atm setup\` (atm ${config.atmVersion}); run it again to rewrite this file, \`atm uninstall\` to remove it.`,
    '# Usage: atm-report.sh [hook|status|status-tee] < payload.json',
    '#   hook        (the default) report a hook event; print nothing',
    '#   status      report a statusLine payload; print the line atmd renders',
    "#   status-tee  copy stdin to stdout unchanged (into the user's own status line) and report it",
    '# It always exits 0 and prints no errors: atm must never disturb Claude Code.',
    `transport=${toShellWord(config.transport.kind)}`,
    `tool=${toShellWord(tool)}`,
    `node=${toShellWord(config.nodePath)}`,
    `atm_main=${toShellWord(config.atmMain)}`,
    `fallback_socket=${toShellWord(config.fallbackSocket)}`,
    `fallback_line=${toShellWord(FALLBACK_STATUS_LINE)}`,
    `no_answer_line=${toShellWord(NO_ANSWER_STATUS_LINE)}`,
    `protocol=${toShellWord(config.protocolVersion)}`,
  ];
  return `${header.join('\n')}\n${SHIM_BODY}`;
}

// A plain template literal: a shell `\${` is written `\\\${` here, and a backslash `\\\\`.
const SHIM_BODY = `
mode=$1
[ -n "$mode" ] || mode=hook
case $mode in
hook) kind=hook ack=',"ack":true' ;;
status | status-tee) kind=status ack= ;;
*) exit 0 ;;
esac

# The socket, by the same rules as atm (src/platform/paths.ts).
case $ATM_SOCKET in
/*) sock=$ATM_SOCKET ;;
*) case $XDG_RUNTIME_DIR in
  /*) sock=$XDG_RUNTIME_DIR/atm.sock ;;
  *) sock=$fallback_socket ;;
  esac ;;
esac

# A tool removed since setup, or a socket path socat would read as address syntax: use node.
case $transport in
nc | socat) [ -x "$tool" ] || transport=node ;;
esac
if [ "$transport" = socat ]; then
  case $sock in *[],:!'"\\'[{}]*) transport=node ;; esac
fi

# The agent: a wrapper's $ATM_AGENT_PID, else $CLAUDE_PID (Claude Code 2.1.331 sets it for hooks
# and the status line), so atmd need not walk up the process tree.
agent=null
for pid in "$ATM_AGENT_PID" "$CLAUDE_PID"; do
  case $pid in '' | 0* | *[!0-9]* | ???????????*) ;; *) agent=$pid && break ;; esac
done

# When the event happened, taken once: a copy sent again keeps it, so it can never pass (and roll
# back) a newer report that got through meanwhile.
ts=$(date +%s%3N 2>/dev/null)
case $ts in '' | *[!0-9]*) ts=$(date +%s 2>/dev/null)000 ;; esac
case $ts in '' | 0?* | *[!0-9]*) ts=0 ;; esac

# A hook report's id, the same in every copy, so atmd applies it once (docs/PROTOCOL.md): the
# kernel's random uuid, read by the shell itself (Linux: no process started), else this shell's
# pid and start time, unique on this machine (no two live shims share a pid, and a reused one
# comes with a later clock). No id at all when the clock could not be read.
if [ "$kind" = hook ]; then
  id=
  { read -r id </proc/sys/kernel/random/uuid; } 2>/dev/null
  case $id in ????????-????-????-????-????????????) ;; *) id= ;; esac
  case $id in *[!0-9a-f-]*) id= ;; esac
  if [ -z "$id" ] && [ "$ts" != 0 ]; then id=$$-$ts; fi
  [ -z "$id" ] || ack=$ack',"id":"'$id'"'
fi

# The envelope, built from the environment alone; every value is checked so the line stays JSON.
envelope() {
  ppid=null
  case $PPID in '' | 0 | 1 | *[!0-9]*) ;; *) ppid=$PPID ;; esac
  pane=null
  case $TMUX_PANE in % | %*[!0-9]* | %????????????????????*) ;; %*) pane='"'$TMUX_PANE'"' ;; esac
  tmux=null
  case $TMUX in '' | *[[:cntrl:]'"\\']*) ;; *) [ \${#TMUX} -gt 500 ] || tmux='"'$TMUX'"' ;; esac
  printf '{"atm":"%s","kind":"%s","agentPid":%s,"ppid":%s,"pane":%s,"tmux":%s,"ts":%s%s}\\n' \\
    "$protocol" "$kind" "$agent" "$ppid" "$pane" "$tmux" "$ts" "$ack"
}

# send: the envelope, then stdin up to EOF, to atmd; atmd's answer (a status line, or nothing) on stdout.
send() {
  case $transport in
  # A socket that is not this user's is never used: its owner would read every report and write
  # the status line (\`atm hook\` checks the same and more itself).
  nc | socat) [ -S "$sock" ] && [ -O "$sock" ] || return 1 ;;
  esac
  case $transport in
  nc) { envelope; cat; } | "$tool" -N -U -w 2 "$sock" 2>/dev/null ;;
  socat) { envelope; cat; } | "$tool" -t 2 -T 2 - "UNIX-CONNECT:$sock" 2>/dev/null ;;
  *)
    [ -x "$node" ] && [ -f "$atm_main" ] || return 1
    if [ "$agent" != null ]; then ATM_AGENT_PID=$agent && export ATM_AGENT_PID; fi
    if [ "$kind" = hook ]; then "$node" "$atm_main" hook; else "$node" "$atm_main" statusline; fi 2>/dev/null
    ;;
  esac
}

case $mode in
hook)
  # atmd answers ok once the report is applied and saved. No ok (atmd restarting, or killed while
  # it held the report): send it again, at most 3 tries a second apart, while the socket exists,
  # so the shim ends within about 8 s, in the background (hooks are async). Every copy carries
  # the same id and time, so one that arrived but went unacked is not applied twice. \`atm hook\`
  # (the node transport) builds its own envelope and delivery, so it is run once.
  payload=$(cat; printf x)
  payload=\${payload%x}
  tries=1
  while :; do
    reply=$(printf '%s' "$payload" | send 2>/dev/null)
    case $reply in ok*) break ;; esac
    [ "$transport" != node ] && [ "$tries" -lt 3 ] && [ -S "$sock" ] && [ -O "$sock" ] || break
    tries=$((tries + 1))
    { sleep 1; } 2>/dev/null
  done
  ;;
status)
  line=$(send)
  sent=$?
  # Never a blank status line: nothing back from a daemon that took the report (hung, or past
  # nc's 2 s) gets a line too, not only a failed connection.
  if [ -n "$line" ]; then
    printf '%s\\n' "$line"
  elif [ "$sent" -ne 0 ]; then
    printf '%s\\n' "$fallback_line"
  else
    printf '%s\\n' "$no_answer_line"
  fi
  ;;
status-tee)
  # The user's command gets these bytes exactly (the x keeps trailing newlines); atmd gets them
  # in the background, so the user's line never waits for atm.
  payload=$(cat; printf x)
  payload=\${payload%x}
  printf '%s' "$payload" | send >/dev/null 2>&1 &
  printf '%s' "$payload" 2>/dev/null
  ;;
esac
exit 0
`;
