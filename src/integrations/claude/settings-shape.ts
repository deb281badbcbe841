import { z } from 'zod';
import { AtmError } from '../../shared/errors.js';
import type { JsonObject } from './settings-document.js';

/**
 * The parts of settings.json that atm edits, checked before any change: `hooks` maps an event to
 * matcher groups, each holding a list of handlers; `statusLine` is one object. Loose objects, so
 * keys atm does not know are allowed (Claude Code adds settings often). The parsed copy is only
 * used to judge: zod rebuilds objects in schema order, and atm keeps the file's own key order.
 */
const handlerSchema = z.looseObject({});
const groupSchema = z.looseObject({ hooks: z.array(handlerSchema).optional() });
const settingsShapeSchema = z.looseObject({
  hooks: z.record(z.string(), z.array(groupSchema)).optional(),
  statusLine: z.looseObject({ command: z.string().optional() }).optional(),
});

export interface HookGroup {
  matcher?: unknown;
  hooks?: JsonObject[];
  [key: string]: unknown;
}
export type HooksSection = Record<string, HookGroup[]>;

/** Throws AtmError('settings-invalid') naming the first misshapen place; returns nothing when fine. */
export function assertSettingsShape(value: JsonObject, file: string): void {
  const parsed = settingsShapeSchema.safeParse(value);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? 'the file' : toJsonPath(issue.path);
  throw new AtmError(
    'settings-invalid',
    `${file}: ${where} has the wrong shape (${issue?.message ?? 'invalid'}); atm changed nothing`,
    {
      hint:
        '"hooks" must map each event name to a list of {"matcher", "hooks": [...]} groups and "statusLine" must be an object ' +
        '(see https://code.claude.com/docs/en/hooks); fix the file, then run the command again',
    },
  );
}

function toJsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
