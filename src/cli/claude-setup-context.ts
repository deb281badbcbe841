import { join, resolve } from 'node:path';
import { resolvePaths, type AtmPaths } from '../platform/paths.js';
import { SHIM_FILE_NAME } from '../integrations/claude/settings-atm-entries.js';

/** Everything `atm setup` and `atm uninstall` take from the process, gathered by claude-setup-process.ts. */
export interface ClaudeSetupContext {
  readonly paths: AtmPaths;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly home: string;
  readonly uid: number;
  readonly platform: string;
  /** The node running atm now, and atm's main.js: the shim's fallback transport runs them. */
  readonly nodePath: string;
  readonly atmMain: string;
  readonly now: () => number;
  /** Test seam: runs just before the settings file is checked again and replaced (a concurrent writer). */
  readonly beforeSettingsCheck?: () => Promise<void>;
}

export type SettingsScope = 'user' | 'project';

/**
 * Claude Code's settings file: `./.claude/settings.json` for a project, else
 * `$CLAUDE_CONFIG_DIR/settings.json`, else `~/.claude/settings.json`.
 */
export function toSettingsPath(ctx: ClaudeSetupContext, scope: SettingsScope): string {
  if (scope === 'project') return join(ctx.cwd, '.claude', 'settings.json');
  const configDir = ctx.env.CLAUDE_CONFIG_DIR;
  if (configDir !== undefined && configDir.length > 0) return join(resolve(ctx.cwd, configDir), 'settings.json');
  return join(ctx.home, '.claude', 'settings.json');
}

/**
 * Where the shim lives: `$XDG_DATA_HOME/atm/`, else `~/.local/share/atm/`, on macOS too, since
 * `~/Library/Application Support` has a space, which an old Claude Code (that runs hook commands
 * through a shell) would split. A stable path outside the npm install: upgrading atm or Node
 * does not break the hooks; `atm setup` rewrites the shim in place.
 */
export function toShimPath(ctx: ClaudeSetupContext): string {
  return join(ctx.paths.dataDir, SHIM_FILE_NAME);
}

/** The socket atm falls back to when Claude Code's environment has neither $ATM_SOCKET nor $XDG_RUNTIME_DIR. */
export function toFallbackSocket(ctx: ClaudeSetupContext): string {
  const env = { ...ctx.env, ATM_SOCKET: undefined, XDG_RUNTIME_DIR: undefined };
  return resolvePaths({ env, platform: ctx.platform, home: ctx.home, uid: ctx.uid }).socketPath;
}

/** atm's record of what setup created in each settings file (see claude-install-record.ts). */
export const toInstallRecordPath = (ctx: ClaudeSetupContext): string => join(ctx.paths.stateDir, 'claude-setup.json');
