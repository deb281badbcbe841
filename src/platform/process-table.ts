/**
 * Read-only questions about other processes, answered from the OS (/proc on Linux, ps on
 * macOS). Every method resolves to null when the process does not exist (or is a zombie, which
 * is as dead as atm cares about), never throws for that, and refuses pids that are not
 * positive integers with null rather than passing them on.
 */
export interface ProcessTable {
  /**
   * An opaque token for when the process started. Two calls for the same process give the same
   * string; a new process that reuses the pid gives a different one. Compare tokens only with
   * tokens from the same ProcessTable kind (Linux clock ticks and macOS dates differ).
   */
  startTime(pid: number): Promise<string | null>;
  /** The parent's pid (0 for the kernel's own processes, as the OS reports it). */
  parentPid(pid: number): Promise<number | null>;
  /** The executable's short name as the OS knows it (Linux `comm`, macOS the basename of `comm`). */
  command(pid: number): Promise<string | null>;
  /** The full command line, arguments joined with single spaces (for matching and display only). */
  commandLine(pid: number): Promise<string | null>;
}

/** Pids worth asking about: positive safe integers. Anything else is answered with null. */
export function isValidPid(pid: number): boolean {
  return Number.isSafeInteger(pid) && pid > 0;
}
