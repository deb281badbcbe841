import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { DirWatcher } from '../../platform/dir-watcher.js';
import type { AgentIntegration } from '../agent-integration.js';
import { ClaudeReconciler } from './claude-reconciler.js';
import { isClaudeCommand } from './claude-process.js';
import { parseClaudeReport } from './claude-report.js';

/** Claude Code's name in atm: `session.agent`, and the envelope's default `agent`. */
export const CLAUDE_AGENT_KIND = 'claude-code';

/**
 * Claude Code behind atm's agent port: it reads hook and statusLine payloads, recognises the
 * `claude` process, and reconciles what no hook reports (Esc) from its sessions files and
 * transcripts. `configDir` is atmd's own Claude config dir ($CLAUDE_CONFIG_DIR, else
 * ~/.claude); null looks only where each session's transcript says. `dirWatcher` tells when
 * those files change, so unchanged ones are not read again; without it every round reads them.
 */
export function createClaudeAgent(options: {
  configDir: string | null;
  dirWatcher?: DirWatcher | null;
}): AgentIntegration {
  return {
    kind: CLAUDE_AGENT_KIND,
    parseReport: parseClaudeReport,
    isAgentProcess: isClaudeCommand,
    createReconciler: (deps) =>
      new ClaudeReconciler({ ...deps, defaultConfigDir: options.configDir, dirWatcher: options.dirWatcher ?? null }),
  };
}

/** Where Claude Code run from this environment keeps its files: $CLAUDE_CONFIG_DIR, else ~/.claude. */
export function toClaudeConfigDir(env: NodeJS.ProcessEnv): string {
  const dir = env.CLAUDE_CONFIG_DIR;
  return dir !== undefined && isAbsolute(dir) ? dir : join(env.HOME ?? homedir(), '.claude');
}
