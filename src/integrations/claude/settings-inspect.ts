import { CLAUDE_HOOK_EVENTS, type ClaudeHookEvent } from './hook-mapping.js';
import { isAtmHookHandler, parseAtmStatusLine, toAtmHookHandler } from './settings-atm-entries.js';
import type { JsonObject } from './settings-document.js';
import type { HooksSection } from './settings-shape.js';

export type StatusLineState =
  | { readonly kind: 'atm-own' }
  | { readonly kind: 'atm-wrapped'; readonly userCommand: string }
  | { readonly kind: 'user'; readonly command: string }
  | { readonly kind: 'none' };

export interface AtmInstallState {
  readonly eventsWithHook: readonly ClaudeHookEvent[];
  readonly eventsMissing: readonly ClaudeHookEvent[];
  /** Shim paths atm's entries point at other than the expected one (an older setup, another XDG_DATA_HOME). */
  readonly otherShimPaths: readonly string[];
  readonly statusLine: StatusLineState;
}

/** What of atm is installed in parsed settings (for `atm setup --check`). Pure. */
export function inspectSettings(settings: JsonObject, shimPath: string): AtmInstallState {
  const hooks = (settings.hooks ?? {}) as HooksSection;
  const others = new Set<string>();
  const eventsWithHook = CLAUDE_HOOK_EVENTS.filter((event) => {
    const handlers = (hooks[event] ?? []).flatMap((group) => (Array.isArray(group.hooks) ? group.hooks : []));
    const ours = handlers.filter(isAtmHookHandler);
    const expected = toAtmHookHandler(shimPath).command;
    for (const handler of ours) if (handler.command !== expected) others.add(String(handler.command));
    return ours.length > 0;
  });
  const statusLine = toStatusLineState(settings.statusLine as JsonObject | undefined);
  if (statusLine.kind === 'atm-own' || statusLine.kind === 'atm-wrapped') {
    const parsed = parseAtmStatusLine(String((settings.statusLine as JsonObject).command));
    if (parsed !== null && parsed.shimPath !== shimPath) others.add(parsed.shimPath);
  }
  return {
    eventsWithHook,
    eventsMissing: CLAUDE_HOOK_EVENTS.filter((event) => !eventsWithHook.includes(event)),
    otherShimPaths: [...others],
    statusLine,
  };
}

function toStatusLineState(statusLine: JsonObject | undefined): StatusLineState {
  if (statusLine === undefined || typeof statusLine.command !== 'string') return { kind: 'none' };
  const ours = parseAtmStatusLine(statusLine.command);
  if (ours === null) return { kind: 'user', command: statusLine.command };
  return ours.kind === 'own' ? { kind: 'atm-own' } : { kind: 'atm-wrapped', userCommand: ours.userCommand };
}
