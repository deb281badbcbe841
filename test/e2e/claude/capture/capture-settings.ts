import { CLAUDE_HOOK_EVENTS } from '../../../../src/integrations/claude/hook-mapping.js';

/**
 * settings.json for recon: every hook event and the statusLine run capture-hook.sh, so one
 * session records every payload Claude Code emits. Hooks use the exec form (`command` + `args`,
 * no shell, Claude Code >= 2.1.139) and `async: true`, so capturing never slows Claude down.
 */
/** The same events `atm setup` installs: recon captures exactly what atm will hear. */
export const CAPTURED_HOOK_EVENTS = CLAUDE_HOOK_EVENTS;
export type CapturedHookEvent = (typeof CAPTURED_HOOK_EVENTS)[number];

/** Events without a matcher field in Claude Code's hook config. */
const NO_MATCHER: ReadonlySet<CapturedHookEvent> = new Set(['UserPromptSubmit', 'Stop']);

export const STATUS_LINE_LABEL = 'statusline';

/**
 * @param asyncHooks false runs the hooks synchronously (Claude Code waits for each), to compare
 *   with async: in `claude -p`, async hooks still running at exit are lost.
 */
export function toCaptureSettings(captureScript: string, outDir: string, asyncHooks = true): Record<string, unknown> {
  const hooks = Object.fromEntries(
    CAPTURED_HOOK_EVENTS.map((event) => {
      const handler = {
        type: 'command',
        command: captureScript,
        args: [outDir, event],
        ...(asyncHooks ? { async: true } : {}),
      };
      const group = NO_MATCHER.has(event) ? { hooks: [handler] } : { matcher: '*', hooks: [handler] };
      return [event, [group]];
    }),
  );
  // The statusLine has no exec form: `command` always goes through a shell, so quote the paths.
  const statusLine = {
    type: 'command',
    command: [captureScript, outDir, STATUS_LINE_LABEL].map(toShellWord).join(' '),
  };
  return { hooks, statusLine, permissions: { defaultMode: 'default' } };
}

/** Single-quote a word for sh; our own temp paths only, but quoting keeps spaces safe. */
const toShellWord = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;
