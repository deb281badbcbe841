import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_CLAUDE_DIR } from './harness-paths.js';

/**
 * Delays the suite measures (dialog on screen -> atm waiting, Esc -> atm idle, ...), for the
 * docs, not for tight assertions: printed, and appended to cache/timings.jsonl (git-ignored)
 * so several runs can be compared.
 */
export function recordTiming(scenario: string, what: string, ms: number): void {
  const line = { scenario, what, ms, at: new Date().toISOString() };
  console.info(`[timing] ${scenario}: ${what} = ${ms} ms`);
  const dir = join(E2E_CLAUDE_DIR, 'cache');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'timings.jsonl'), `${JSON.stringify(line)}\n`);
}
