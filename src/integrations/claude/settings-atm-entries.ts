import type { JsonObject } from './settings-document.js';

/**
 * What atm puts into settings.json, and how it recognises its own entries again (so uninstall
 * removes exactly them). Pure. Everything atm adds runs the shim, whose file name is the marker.
 */
export const SHIM_FILE_NAME = 'atm-report.sh';

/** Shim modes: a hook (the default, also for an old Claude Code that ignores `args`), atm's own status line, or tee for a wrapped one. */
export const SHIM_MODES = ['hook', 'status', 'status-tee'] as const;
export type ShimMode = (typeof SHIM_MODES)[number];

/**
 * One hook handler in exec form: Claude Code (>= 2.1.139) spawns `command` with `args` and no
 * shell. `async` so Claude never waits on atm; the shim prints nothing and exits 0 anyway.
 */
export function toAtmHookHandler(shimPath: string): JsonObject {
  if (shimPath === PORTABLE_SHIM) return { type: 'command', command: PORTABLE_HOOK_COMMAND, async: true };
  return { type: 'command', command: shimPath, args: ['hook'], async: true };
}

/**
 * The shim as a project's settings name it (`--project`; that file is usually committed): by
 * where atm puts it on any machine, not by this machine's path, which holds the user's name.
 * A shell command then, since only a shell expands the variables; on a machine without atm it
 * prints nothing and exits 0, so a teammate's Claude Code shows nothing either.
 */
export const PORTABLE_SHIM = '"${XDG_DATA_HOME:-$HOME/.local/share}/atm/atm-report.sh"';
const PORTABLE_GUARD = `f=${PORTABLE_SHIM}; [ -x "$f" ] || exit 0; exec "$f"`;
export const PORTABLE_HOOK_COMMAND = `${PORTABLE_GUARD} hook`;
const PORTABLE_STATUS_COMMAND = `${PORTABLE_GUARD} status`;
const PORTABLE_TEE = `f=${PORTABLE_SHIM}; if [ -x "$f" ]; then "$f" status-tee; else cat; fi | {\n`;

const endsWithShim = (path: string): boolean => path === SHIM_FILE_NAME || path.endsWith(`/${SHIM_FILE_NAME}`);

/** True for a handler atm installed, whichever shim path it points at (XDG_DATA_HOME may have moved). */
export function isAtmHookHandler(handler: unknown): boolean {
  if (typeof handler !== 'object' || handler === null) return false;
  const { type, command } = handler as JsonObject;
  return (
    type === 'command' && typeof command === 'string' && (endsWithShim(command) || command === PORTABLE_HOOK_COMMAND)
  );
}

/** Single quotes for sh: the only character needing care inside them is the quote itself. */
export const toShellWord = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;
const fromShellWord = (quoted: string): string => quoted.replaceAll(`'\\''`, "'");

const TEE_OPEN = ' status-tee | {\n';
const TEE_CLOSE = '\n} || true';

/**
 * The statusLine command. Without a line of the user's, the shim asks atmd for atm's line.
 * With one, Claude Code's own shell still runs the user's command exactly as written, as the
 * second half of a pipeline: the shim copies stdin to it byte for byte (and to atmd, in the
 * background), and the user's output goes straight to Claude Code. `|| true`: the wrapper
 * always exits 0. The original sits verbatim between the braces, so uninstall restores it exactly
 * from the settings file alone, with no state elsewhere to lose or go stale.
 */
export function toStatusLineCommand(shimPath: string, userCommand: string | null): string {
  if (shimPath === PORTABLE_SHIM) {
    return userCommand === null ? PORTABLE_STATUS_COMMAND : `${PORTABLE_TEE}${userCommand}${TEE_CLOSE}`;
  }
  const shim = toShellWord(shimPath);
  return userCommand === null ? `${shim} status` : `${shim}${TEE_OPEN}${userCommand}${TEE_CLOSE}`;
}

export type AtmStatusLine =
  | { readonly kind: 'own'; readonly shimPath: string }
  | { readonly kind: 'wrapped'; readonly shimPath: string; readonly userCommand: string };

/** Recognises a statusLine command atm wrote; null for anything else (the user's own line). */
export function parseAtmStatusLine(command: string): AtmStatusLine | null {
  if (command === PORTABLE_STATUS_COMMAND) return { kind: 'own', shimPath: PORTABLE_SHIM };
  if (command.startsWith(PORTABLE_TEE) && command.endsWith(TEE_CLOSE)) {
    const userCommand = command.slice(PORTABLE_TEE.length, command.length - TEE_CLOSE.length);
    if (command.length >= PORTABLE_TEE.length + TEE_CLOSE.length)
      return { kind: 'wrapped', shimPath: PORTABLE_SHIM, userCommand };
  }
  const match = /^'((?:[^']|'\\'')*)'/.exec(command);
  if (match?.[1] === undefined) return null;
  const shimPath = fromShellWord(match[1]);
  if (!endsWithShim(shimPath)) return null;
  const rest = command.slice(match[0].length);
  if (rest === ' status') return { kind: 'own', shimPath };
  if (rest.startsWith(TEE_OPEN) && rest.endsWith(TEE_CLOSE) && rest.length >= TEE_OPEN.length + TEE_CLOSE.length) {
    return { kind: 'wrapped', shimPath, userCommand: rest.slice(TEE_OPEN.length, rest.length - TEE_CLOSE.length) };
  }
  return null;
}
