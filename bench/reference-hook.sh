#!/usr/bin/env bash
# The reference hook, written the way atm's original plan had it: bash reads Claude Code's JSON
# from stdin, jq parses it three times, socat sends the report to atmd. bench/hook-cost.mjs runs
# it next to what `atm setup` installs; the goal is that the installed command costs at most 20 %
# of this one's CPU time per event. It sends the same one-shot report (docs/PROTOCOL.md) as the
# shim, so atmd does the same work for both.
# Usage: reference-hook.sh < hook-payload.json   (socket: $ATM_SOCKET, else $XDG_RUNTIME_DIR/atm.sock)
set -u
sock=${ATM_SOCKET:-${XDG_RUNTIME_DIR:-/tmp}/atm.sock}
input=$(cat)
session_id=$(jq -r '.session_id // empty' <<<"$input")
event=$(jq -r '.hook_event_name // empty' <<<"$input")
payload=$(jq -c . <<<"$input")
if [ -z "$session_id" ] || [ -z "$event" ]; then exit 0; fi
ts=$(date +%s%3N)
printf '{"atm":"1.0","kind":"hook","agentPid":%s,"ppid":%s,"pane":null,"tmux":null,"ts":%s}\n%s\n' \
  "${ATM_AGENT_PID:-null}" "$PPID" "$ts" "$payload" |
  socat - "UNIX-CONNECT:$sock" >/dev/null 2>&1
exit 0
