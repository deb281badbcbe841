// The npm package runs as `node …/@anthropic-ai/claude-code/cli.js` (or .mjs/.cjs).
const CLAUDE_CLI = /(?:^|[\s/])@anthropic-ai\/claude-code\/cli\.[cm]?js(?:\s|$)/;
// argv[0] of the native binary, however it was reached (`claude`, `~/.local/bin/claude`, or the
// npm package's `…/claude-code/bin/claude.exe`, which is what its `claude` symlink points at).
const CLAUDE_ARGV0 = /^(?:\S*\/)?claude(?:\.exe)?(?:\s|$)/;
const CLAUDE_NAMES = new Set(['claude', 'claude.exe']);

/**
 * Whether a process is Claude Code: the native binary (comm `claude`; Claude Code 2.x started
 * through its `claude` symlink shows exactly that), or node running Claude Code's cli. Pure, so
 * every accepted and refused shape is a table row in the tests.
 */
export function isClaudeCommand(command: string | null, commandLine: string | null): boolean {
  if (command !== null && CLAUDE_NAMES.has(command)) return true;
  if (commandLine === null) return false;
  return CLAUDE_CLI.test(commandLine) || CLAUDE_ARGV0.test(commandLine);
}
