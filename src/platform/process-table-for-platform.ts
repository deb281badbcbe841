import { createLinuxProcProcessTable } from './linux-proc-process-table.js';
import type { ProcessTable } from './process-table.js';
import { createPsProcessTable } from './ps-process-table.js';

/** The ProcessTable for this OS: /proc on Linux (no child process per question), ps elsewhere. */
export function createProcessTableFor(platform: string): ProcessTable {
  return platform === 'linux' ? createLinuxProcProcessTable() : createPsProcessTable();
}
