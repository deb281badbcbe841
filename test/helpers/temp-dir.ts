import { mkdtempSync, rmSync } from 'node:fs';

/**
 * A short temp dir (Unix socket paths must stay under ~100 bytes), removed on dispose.
 * Use with `await using dir = makeTempDir()` or `using`.
 */
export interface TempDir extends Disposable, AsyncDisposable {
  readonly path: string;
}

export function makeTempDir(prefix = 'atm-'): TempDir {
  const path = mkdtempSync(`/tmp/${prefix}`);
  const remove = (): void => rmSync(path, { recursive: true, force: true });
  return { path, [Symbol.dispose]: remove, [Symbol.asyncDispose]: () => Promise.resolve(remove()) };
}
