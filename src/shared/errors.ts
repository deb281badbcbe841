/**
 * Every failure at an edge (socket, file, config, child process) becomes an AtmError.
 * `message` says what failed and why; `hint` says how to fix it. The CLI maps `code`
 * to an exit status in one place (src/cli/exit-codes.ts).
 */
export const ATM_ERROR_CODES = [
  'daemon-unreachable',
  'daemon-already-running',
  'protocol-mismatch',
  'protocol-error',
  'timeout',
  'config-invalid',
  'settings-invalid',
  'io-failed',
  'tmux-failed',
  'usage',
  'not-found',
  'limit-reached',
  'internal',
] as const;
export type AtmErrorCode = (typeof ATM_ERROR_CODES)[number];

export class AtmError extends Error {
  override readonly name = 'AtmError';
  readonly code: AtmErrorCode;
  readonly hint: string | undefined;

  constructor(code: AtmErrorCode, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }
}

export function isAtmError(value: unknown): value is AtmError {
  return value instanceof AtmError;
}

/** A short, single-line description of any thrown value, for messages and logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
