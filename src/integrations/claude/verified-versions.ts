/** The Claude Code versions atm's end-to-end suite ran against (test/e2e/claude/claude-code.version). */
export const VERIFIED_CLAUDE_CODE_VERSIONS: readonly string[] = ['2.1.331'];
