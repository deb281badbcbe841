import { isValidPid } from './process-table.js';

/**
 * Whether any process has this pid, by sending it signal 0 (one syscall: nothing is sent, only
 * the permission and existence checks run). EPERM means it exists but belongs to another user.
 * It cannot tell a zombie or a process that reused the pid from the original one: callers check
 * the start time for that. Null when it cannot tell.
 */
export function processExists(pid: number): boolean | null {
  if (!isValidPid(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return false;
    return code === 'EPERM' ? true : null;
  }
}
