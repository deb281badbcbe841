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

export interface ResolveAgentOptions {
  /** How many ancestors to look at before giving up (a hook runs 1 to 3 levels below its agent). */
  readonly maxDepth?: number;
}

/** Whether a process is the agent, from its command name and its command line (either may be null). */
export type IsAgentProcess = (command: string | null, commandLine: string | null) => boolean;

/**
 * The pid of the agent process that (indirectly) started `fromPid`: `fromPid` itself or
 * its nearest ancestor that `isAgent` recognises (any registered agent CLI). When there is none within `maxDepth` levels, or
 * the chain breaks (a parent exited), the answer is `fromPid`, which the caller passes as its
 * parent's pid. Errors from the table (no /proc, no ps) propagate: the caller chooses a fallback.
 */
export async function resolveAgentPid(
  table: ProcessTable,
  fromPid: number,
  isAgent: IsAgentProcess,
  options: ResolveAgentOptions = {},
): Promise<number> {
  const maxDepth = options.maxDepth ?? 16;
  let pid = fromPid;
  // The walk ends at pid 1, whose parent is 0; pid 1 itself is checked (an agent may be a container's entrypoint).
  for (let depth = 0; depth <= maxDepth && isValidPid(pid); depth += 1) {
    const command = await table.command(pid);
    if (command === null) break;
    if (isAgent(command, null) || isAgent(command, await table.commandLine(pid))) return pid;
    const parent = await table.parentPid(pid);
    if (parent === null || parent === pid) break;
    pid = parent;
  }
  return fromPid;
}
