import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ClaudeSetupContext } from './claude-setup-context.js';
import type { CommandContext } from './command-line/command-spec.js';

/**
 * The process facts `atm setup`/`uninstall` need on top of the command context: cwd (for
 * --project), home, uid, and the node + main.js that the shim's fallback transport runs.
 */
export function createClaudeSetupContext(ctx: CommandContext): ClaudeSetupContext {
  return {
    paths: ctx.paths,
    env: ctx.env,
    cwd: process.cwd(),
    home: homedir(),
    uid: process.getuid?.() ?? 0,
    platform: process.platform,
    nodePath: process.execPath,
    atmMain: fileURLToPath(new URL('./main.js', import.meta.url)),
    now: Date.now,
  };
}
