import { isDeepStrictEqual } from 'node:util';
import {
  DEFAULT_STYLE,
  formatSettings,
  parseSettingsText,
  type JsonObject,
  type SettingsDocument,
} from '../integrations/claude/settings-document.js';
import { toUnifiedDiff } from '../integrations/claude/settings-diff.js';
import { assertSettingsShape } from '../integrations/claude/settings-shape.js';
import { readSettingsFile, type SettingsFile } from './claude-settings-file.js';

/** settings.json read, parsed and checked; throws AtmError('settings-invalid') and touches nothing otherwise. */
export interface LoadedSettings {
  readonly file: SettingsFile;
  readonly document: SettingsDocument;
}

export async function loadSettings(path: string): Promise<LoadedSettings> {
  const file = await readSettingsFile(path);
  const document = file.text === null ? { value: {}, style: DEFAULT_STYLE } : parseSettingsText(file.text, path);
  assertSettingsShape(document.value, path);
  return { file, document };
}

/**
 * The text to write for `next`, or null when nothing changes. Equal values are not rewritten,
 * so a file with its own formatting stays byte for byte as it was when atm has nothing to do.
 */
export function toNewText(loaded: LoadedSettings, next: JsonObject): string | null {
  if (isDeepStrictEqual(next, loaded.document.value)) return null; // also: no file, and nothing to add
  return formatSettings(next, loaded.document.style);
}

/** What --dry-run prints: a unified diff of the settings file, or a line saying it stays. */
export function describeDryRun(loaded: LoadedSettings, newText: string | null): string {
  if (newText === null) return `${loaded.file.path}: no change`;
  const before = loaded.file.text ?? '';
  return toUnifiedDiff(before, newText, {
    before: loaded.file.text === null ? '/dev/null' : loaded.file.path,
    after: loaded.file.path,
  }).trimEnd();
}
