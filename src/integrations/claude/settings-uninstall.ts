import { isAtmHookHandler, parseAtmStatusLine } from './settings-atm-entries.js';
import type { JsonObject } from './settings-document.js';
import type { CreatedContainers } from './settings-install.js';
import type { HookGroup, HooksSection } from './settings-shape.js';

export type StatusLineRemoval =
  | { readonly kind: 'removed' }
  | { readonly kind: 'restored'; readonly userCommand: string }
  | { readonly kind: 'none' };

export interface UninstallOutcome {
  readonly value: JsonObject;
  /** Events atm's handler was removed from. */
  readonly events: readonly string[];
  readonly statusLine: StatusLineRemoval;
}

/**
 * Removes every hook handler atm installed and gives the user's status line back. Pure.
 *
 * A matcher group or event list emptied by the removal goes too, and so does `hooks` when it
 * ends up empty, but only when setup created it (`created`): a user's own `"hooks": {}` stays.
 * Without a record of what setup created (it was lost), emptied containers are dropped.
 */
export function uninstallAtm(settings: JsonObject, created: CreatedContainers | null): UninstallOutcome {
  const value = structuredClone(settings);
  const events: string[] = [];
  const hooks = value.hooks as HooksSection | undefined;
  if (hooks !== undefined) {
    for (const [event, groups] of Object.entries(hooks)) {
      if (!removeHandlers(groups)) continue;
      events.push(event);
      if (groups.length === 0 && (created === null || created.events.includes(event))) delete hooks[event];
    }
    if (events.length > 0 && Object.keys(hooks).length === 0 && (created === null || created.hooksKey))
      delete value.hooks;
  }
  return { value, events, statusLine: removeStatusLine(value) };
}

/** Drops atm's handlers in place; true when there were any. */
function removeHandlers(groups: HookGroup[]): boolean {
  let removed = false;
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const group = groups[i];
    if (group === undefined || !Array.isArray(group.hooks)) continue;
    const kept = group.hooks.filter((handler) => !isAtmHookHandler(handler));
    if (kept.length === group.hooks.length) continue;
    removed = true;
    if (kept.length === 0) groups.splice(i, 1);
    else group.hooks = kept;
  }
  return removed;
}

function removeStatusLine(value: JsonObject): StatusLineRemoval {
  const statusLine = value.statusLine as JsonObject | undefined;
  if (statusLine === undefined || typeof statusLine.command !== 'string') return { kind: 'none' };
  const ours = parseAtmStatusLine(statusLine.command);
  if (ours === null) return { kind: 'none' };
  if (ours.kind === 'own') {
    delete value.statusLine;
    return { kind: 'removed' };
  }
  statusLine.command = ours.userCommand;
  return { kind: 'restored', userCommand: ours.userCommand };
}
