#!/bin/sh
# Recon capture program for Claude Code hooks and the statusLine command.
# Usage: capture-hook.sh <out-dir> <label>
# Writes one directory per call, <out-dir>/<epoch-ns>-<pid>-<label>/, holding:
#   stdin.json  the payload exactly as received
#   env.txt     interesting variables with values (CLAUDE*, TMUX*, PWD, ...)
#   env-names.txt  every variable name, no values (values may hold secrets)
#   meta.txt    started_ns, pid, ppid, argv
#   ps.txt      ancestry: `ps -o pid,ppid,comm,args` from this process up to pid 1
# The directory appears atomically (built as .tmp, then renamed), so a reader never sees half.
# For the label "statusline" it prints one line, which Claude Code shows as the status line.
set -u
out=$1
label=$2
started_ns=$(date +%s%N)
dir="$out/$started_ns-$$-$label"
mkdir -p "$dir.tmp" || exit 0
cat > "$dir.tmp/stdin.json"
env | grep -E '^(CLAUDE|AI_AGENT=|ANTHROPIC_BASE_URL|TMUX|PWD=|OLDPWD=|SHLVL=|TERM|COLORTERM|COLUMNS=|LINES=|SHELL=|USER=|HOME=|PATH=|NODE|npm_|_=)' \
  > "$dir.tmp/env.txt"
env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p' | sort -u > "$dir.tmp/env-names.txt"
{
  echo "started_ns=$started_ns"
  echo "pid=$$"
  echo "ppid=$PPID"
  echo "argv=$0 $*"
} > "$dir.tmp/meta.txt"
pid=$$
while [ -n "$pid" ] && [ "$pid" -gt 1 ] 2>/dev/null; do
  ps -ww -o pid=,ppid=,comm=,args= -p "$pid" >> "$dir.tmp/ps.txt" 2>/dev/null || break
  pid=$(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ')
done
mv "$dir.tmp" "$dir"
if [ "$label" = statusline ]; then
  echo "atm-recon statusline"
fi
exit 0
