/**
 * What a fresh CLAUDE_CONFIG_DIR needs so the real CLI starts straight into a session, offline:
 * no onboarding, no trust dialog, the fake API key pre-approved ("Not logged in" otherwise), and
 * real permission dialogs (`defaultMode: "default"`; the newer auto mode decides by itself).
 * Pure: claude-env.ts writes these to disk.
 */

/** Claude Code remembers an approved custom key by its last 20 characters. */
export const toApiKeySuffix = (apiKey: string): string => apiKey.slice(-20);

/** @param projectDir one trusted project dir, or several (every session's cwd must be trusted). */
export function toClaudeJson(projectDir: string | readonly string[], apiKey: string): Record<string, unknown> {
  const dirs = typeof projectDir === 'string' ? [projectDir] : projectDir;
  return {
    hasCompletedOnboarding: true,
    // The "make auto mode your default?" dialog, shown once to a new user, would block the prompt.
    hasSeenAutoDefaultNudge: true,
    projects: Object.fromEntries(dirs.map((dir) => [dir, { hasTrustDialogAccepted: true }])),
    customApiKeyResponses: { approved: [toApiKeySuffix(apiKey)], rejected: [] },
  };
}

/** User settings: the caller's keys win, except that permissions always carry a defaultMode. */
export function toSettingsJson(settings: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const permissions = (settings['permissions'] ?? {}) as Record<string, unknown>;
  return { ...settings, permissions: { defaultMode: 'default', ...permissions } };
}

/** Claude Code's folder name for a project under projects/: every non-alphanumeric becomes '-'. */
export const toProjectSlug = (projectDir: string): string => projectDir.replace(/[^A-Za-z0-9]/g, '-');

/**
 * Variables a spawned `claude` must not inherit: an outer Claude Code session's markers (a nested
 * CLI behaves differently), real credentials or endpoints, and an outer tmux.
 */
const INHERITED_BLOCKLIST = /^(CLAUDECODE|CLAUDE_|ANTHROPIC_|TMUX$|TMUX_PANE$)/;

export function toChildEnv(
  base: Readonly<Record<string, string | undefined>>,
  extra: Readonly<Record<string, string>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !INHERITED_BLOCKLIST.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}
