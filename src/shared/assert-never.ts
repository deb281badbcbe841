/** Marks code that the type system proves unreachable; reaching it at run time is a bug. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unreachable: unexpected ${what} ${JSON.stringify(value)}`);
}
