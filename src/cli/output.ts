/* eslint-disable no-console -- this is the CLI's one output module */
import { isAtmError, describeError } from '../shared/errors.js';
import { exitCodeFor, EXIT } from './exit-codes.js';

export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function printError(text: string): void {
  process.stderr.write(`atm: ${text}\n`);
}

/** Prints a failure as "atm: what failed: why" plus a hint line, and returns the exit status. */
export function reportFailure(error: unknown): number {
  if (isAtmError(error)) {
    printError(error.message);
    if (error.hint !== undefined) process.stderr.write(`  hint: ${error.hint}\n`);
    return exitCodeFor(error.code);
  }
  console.error(error);
  printError(`unexpected failure: ${describeError(error)} (this is a bug; please report it)`);
  return EXIT.failure;
}
