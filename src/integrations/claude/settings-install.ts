import { isDeepStrictEqual } from 'node:util';
import { CLAUDE_HOOK_EVENTS, type ClaudeHookEvent } from './hook-mapping.js';
import { isAtmHookHandler, parseAtmStatusLine, toAtmHookHandler, toStatusLineCommand } from './settings-atm-entries.js';
import type { JsonObject } from './settings-document.js';
import type { HookGroup, HooksSection } from './settings-shape.js';

/** Events whose hook config has no matcher field (Claude Code matches every occurrence). */
const EVENTS_WITHOUT_MATCHER: ReadonlySet<ClaudeHookEvent> = new Set(['UserPromptSubmit', 'Stop']);

/** What setup created from nothing, so uninstall can drop it again and only it (see settings-uninstall.ts). */
export interface CreatedContainers {
  readonly hooksKey: boolean;
  readonly events: readonly string[];
}

export type StatusLineOutcome =
  | { readonly kind: 'added' }
  | { readonly kind: 'wrapped'; readonly userCommand: string }
  | { readonly kind: 'kept'; readonly userCommand: string | null }
  | { readonly kind: 'not-a-command' };

export interface InstallOutcome {
  readonly value: JsonObject;
  /** Events that got atm's handler now; the rest had it (possibly pointing at an older shim path, now updated). */
  readonly addedEvents: readonly ClaudeHookEvent[];
  readonly updatedEvents: readonly ClaudeHookEvent[];
  readonly statusLine: StatusLineOutcome;
  readonly created: CreatedContainers;
}

/**
 * Adds atm's hooks (all of CLAUDE_HOOK_EVENTS) and status line to parsed settings. Pure: the
 * input is not modified. Everything else keeps its value and place; running it on its own
 * output changes nothing. The value must have passed assertSettingsShape.
 */
export function installAtm(settings: JsonObject, options: { shimPath: string }): InstallOutcome {
  const value = structuredClone(settings);
  const hooksKey = !Object.hasOwn(value, 'hooks');
  const hooks = (value.hooks ??= {}) as HooksSection;
  const handler = toAtmHookHandler(options.shimPath);
  const addedEvents: ClaudeHookEvent[] = [];
  const updatedEvents: ClaudeHookEvent[] = [];
  const createdEvents: string[] = [];
  for (const event of CLAUDE_HOOK_EVENTS) {
    if (!Object.hasOwn(hooks, event)) createdEvents.push(event);
    const groups = (hooks[event] ??= []);
    const found = placeHandler(groups, handler);
    if (found === 'missing') {
      groups.push(EVENTS_WITHOUT_MATCHER.has(event) ? { hooks: [handler] } : { matcher: '*', hooks: [handler] });
      addedEvents.push(event);
    } else if (found === 'updated') updatedEvents.push(event);
  }
  const statusLine = installStatusLine(value, options.shimPath);
  return { value, addedEvents, updatedEvents, statusLine, created: { hooksKey, events: createdEvents } };
}

/**
 * Makes the first atm handler in `groups` equal `handler` and drops any further copies (a
 * hand-merged file may hold two). Groups emptied by that are dropped too.
 */
function placeHandler(groups: HookGroup[], handler: JsonObject): 'missing' | 'updated' | 'same' {
  let outcome: 'missing' | 'updated' | 'same' = 'missing';
  const emptied = new Set<HookGroup>();
  for (const group of groups) {
    if (!Array.isArray(group.hooks)) continue;
    group.hooks = group.hooks.flatMap((existing) => {
      if (!isAtmHookHandler(existing)) return [existing];
      if (outcome !== 'missing') {
        outcome = 'updated';
        emptied.add(group);
        return [];
      }
      outcome = isDeepStrictEqual(existing, handler) ? 'same' : 'updated';
      return [outcome === 'same' ? existing : handler];
    });
  }
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const group = groups[i];
    if (group !== undefined && emptied.has(group) && group.hooks?.length === 0) groups.splice(i, 1);
  }
  return outcome;
}

function installStatusLine(value: JsonObject, shimPath: string): StatusLineOutcome {
  const existing = value.statusLine as JsonObject | undefined;
  if (existing === undefined) {
    value.statusLine = { type: 'command', command: toStatusLineCommand(shimPath, null) };
    return { kind: 'added' };
  }
  if (typeof existing.command !== 'string') return { kind: 'not-a-command' };
  const ours = parseAtmStatusLine(existing.command);
  if (ours !== null) {
    const userCommand = ours.kind === 'wrapped' ? ours.userCommand : null;
    existing.command = toStatusLineCommand(shimPath, userCommand);
    return { kind: 'kept', userCommand };
  }
  const userCommand = existing.command;
  existing.command = toStatusLineCommand(shimPath, userCommand);
  return { kind: 'wrapped', userCommand };
}
