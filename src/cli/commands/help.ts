export const HELP_TEXT = `atm — Agent Tmux Monitor: every Claude Code agent you run in tmux, in one place.

Usage:
  atm [--no-start]       open the dashboard (starts atmd if none answers, unless
                         --no-start: then it waits for one)
  atm pick | --pick      the dashboard as a picker: Enter jumps to the pane and exits
                         (for: tmux display-popup -E "atm --pick")
  atm list [--json]      the sessions as a table, or as a JSON array
  atm daemon [start|run|stop|status]
                         start atmd in the background, run it in the foreground,
                         stop it, or say whether it answers
  atm setup [--project] [--dry-run] [--check]
                         add atm's hooks and status line to Claude Code's settings
                         ($CLAUDE_CONFIG_DIR/settings.json, else ~/.claude/settings.json;
                         --project: ./.claude/settings.json); your own status line is kept.
                         --dry-run shows the diff; --check reports what is installed
  atm uninstall [--project] [--dry-run]
                         remove exactly what setup added, and restore your status line
  atm hook               (for Claude Code) forward one hook payload from stdin
  atm statusline         (for Claude Code) forward a statusLine payload, print the line
  atm version            print the version

Environment:
  ATM_SOCKET             the daemon's socket (default $XDG_RUNTIME_DIR/atm.sock)
  ATM_CONFIG             a config file to use instead of $XDG_CONFIG_HOME/atm/config.yaml
  ATM_LOG_LEVEL          error | warn | info | debug
  ATM_AGENT_PID          the agent's pid, for wrappers (hook and statusline)
  CLAUDE_CONFIG_DIR      Claude Code's config directory (setup, uninstall)
  XDG_DATA_HOME          where setup puts the hook shim (default ~/.local/share/atm)

Exit status: 0 ok, 1 failure, 2 usage, 3 daemon unreachable, 4 invalid config or settings.`;
