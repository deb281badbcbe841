import { assertNever } from '../shared/assert-never.js';
import type { AtmErrorCode } from '../shared/errors.js';

/** The one place that maps error codes to exit statuses (documented in `atm --help`). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  daemonUnreachable: 3,
  invalidInput: 4,
} as const;

export function exitCodeFor(code: AtmErrorCode): number {
  switch (code) {
    case 'usage':
      return EXIT.usage;
    case 'daemon-unreachable':
    case 'timeout':
    case 'protocol-mismatch':
      return EXIT.daemonUnreachable;
    case 'config-invalid':
    case 'settings-invalid':
      return EXIT.invalidInput;
    case 'daemon-already-running':
    case 'protocol-error':
    case 'io-failed':
    case 'tmux-failed':
    case 'not-found':
    case 'limit-reached':
    case 'internal':
      return EXIT.failure;
    default:
      return assertNever(code, 'error code');
  }
}
