import { readFileSync } from 'node:fs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A hook report's id (protocol 1.3), the same in every copy sent, so atmd applies it once. As the
 * shim makes it: the kernel's random uuid (Linux, one small read), else `<pid>-<ts>`, unique on
 * this machine since no two live clients share a pid and a reused pid comes with a later clock.
 * No id (null) when the clock could not be read. Pure apart from the injected read.
 */
export function toReportId(kernelUuid: string | null, pid: number, ts: number): string | null {
  const uuid = kernelUuid?.trim() ?? '';
  if (UUID.test(uuid)) return uuid;
  return ts > 0 ? `${pid}-${ts}` : null;
}

/** /proc/sys/kernel/random/uuid, or null where there is none (macOS, a /proc-less container). */
export function readKernelUuid(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/uuid', 'utf8');
  } catch {
    return null;
  }
}
