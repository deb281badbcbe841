import { isValidPid, type ProcessTable } from './process-table.js';

/**
 * True when `pid` is alive and is the same process that had `startTime` when atm first saw it.
 * Liveness compares start times because pids are reused: a new process with an old agent's pid
 * must not keep that agent's session alive.
 */
export async function isSameProcess(table: ProcessTable, pid: number, startTime: string): Promise<boolean> {
  if (startTime === '') return false;
  return (await table.startTime(pid)) === startTime;
}

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

export interface ResolveAgentOptions {
  /** How many ancestors to look at before giving up (a hook runs 1 to 3 levels below Claude). */
  readonly maxDepth?: number;
}

/**
 * The pid of the Claude Code process that (indirectly) started `fromPid`: `fromPid` itself or
 * its nearest ancestor that is Claude Code. When there is none within `maxDepth` levels, or
 * the chain breaks (a parent exited), the answer is `fromPid`, which the caller passes as its
 * parent's pid. Errors from the table (no /proc, no ps) propagate: the caller chooses a fallback.
 */
export async function resolveAgentPid(
  table: ProcessTable,
  fromPid: number,
  options: ResolveAgentOptions = {},
): Promise<number> {
  const maxDepth = options.maxDepth ?? 16;
  let pid = fromPid;
  // The walk ends at pid 1, whose parent is 0; pid 1 itself is checked (claude may be a container's entrypoint).
  for (let depth = 0; depth <= maxDepth && isValidPid(pid); depth += 1) {
    const command = await table.command(pid);
    if (command === null) break;
    if (isClaudeCommand(command, null) || isClaudeCommand(command, await table.commandLine(pid))) return pid;
    const parent = await table.parentPid(pid);
    if (parent === null || parent === pid) break;
    pid = parent;
  }
  return fromPid;
}
