import { accessSync, constants, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CLAUDE_VERSION_FILE } from './harness-paths.js';

/**
 * Finds the pinned Claude Code binary that install-claude.sh put in the cache. The suite skips
 * (with `reason`) when it is missing, so a laptop without it still runs everything else.
 */
export type ClaudeBinary =
  | { readonly found: true; readonly path: string; readonly version: string }
  | { readonly found: false; readonly reason: string };

export const readPinnedClaudeVersion = (): string => readFileSync(CLAUDE_VERSION_FILE, 'utf8').trim();

/** Same rule as install-claude.sh: ${ATM_CLAUDE_CACHE:-$HOME/.cache/atm-claude}/<version>. */
export function toClaudeBinaryPath(version: string, env: NodeJS.ProcessEnv): string {
  const cache = env['ATM_CLAUDE_CACHE'] ?? join(env['HOME'] ?? homedir(), '.cache', 'atm-claude');
  return join(cache, version, 'node_modules', '.bin', 'claude');
}

export function findClaudeBinary(env: NodeJS.ProcessEnv = process.env): ClaudeBinary {
  const version = readPinnedClaudeVersion();
  const path = toClaudeBinaryPath(version, env);
  try {
    accessSync(path, constants.X_OK);
    return { found: true, path, version };
  } catch {
    return {
      found: false,
      reason: `Claude Code ${version} is not installed at ${path}; run test/e2e/claude/install-claude.sh`,
    };
  }
}
