import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the harness's non-TS files live. Resolved from the repo root (the nearest package.json
 * above this module) rather than from this file, because the recon scripts also run compiled
 * from cache/recon-build/, where `./claude-code.version` would not be a sibling.
 */
function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'e2e', 'claude'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no repo root with test/e2e/claude above ${start}`);
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const E2E_CLAUDE_DIR = join(REPO_ROOT, 'test', 'e2e', 'claude');
export const CLAUDE_VERSION_FILE = join(E2E_CLAUDE_DIR, 'claude-code.version');
export const CAPTURE_HOOK_SCRIPT = join(E2E_CLAUDE_DIR, 'capture', 'capture-hook.sh');
export const CLAUDE_FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'claude');
