/**
 * Makes captured text stable and private before it becomes a fixture: temp dirs, the repo and
 * the home dir become fixed placeholders, and secrets Claude Code hands its hooks are redacted.
 * Everything else stays byte-for-byte, so a fixture diff between versions shows real changes.
 */
export interface PathReplacement {
  readonly from: string;
  readonly to: string;
}

/** Env vars whose values are credentials (a per-session messaging token, the fake API key). */
const SECRET_ENV = /^(CLAUDE_CODE_MESSAGING_TOKEN|ANTHROPIC_API_KEY|ANTHROPIC_AUTH_TOKEN)$/;
export const REDACTED = '<redacted>';

export function createTidier(replacements: readonly PathReplacement[]): (text: string) => string {
  // Longest first, so /tmp/x/project is replaced before /tmp/x; drop empty `from`s (they would
  // match everywhere).
  const ordered = [...replacements].filter((r) => r.from !== '').sort((a, b) => b.from.length - a.from.length);
  return (text) => ordered.reduce((acc, { from, to }) => acc.replaceAll(from, to), text);
}

export function redactEnv(env: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name, SECRET_ENV.test(name) ? REDACTED : value]),
  );
}
