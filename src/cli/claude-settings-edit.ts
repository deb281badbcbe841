import { isDeepStrictEqual } from 'node:util';
import { parseSettingsText, type SettingsDocument, type JsonObject } from '../integrations/claude/settings-document.js';
import { toUnifiedDiff } from '../integrations/claude/settings-diff.js';
import { assertSettingsShape } from '../integrations/claude/settings-shape.js';
import { toEditedText } from '../integrations/claude/settings-text-edit.js';
import { AtmError } from '../shared/errors.js';
import { commitSettingsFile, type CommitOptions, type CommitOutcome } from './claude-settings-commit.js';
import { readSettingsFile, type SettingsFile } from './claude-settings-file.js';

/** settings.json read, decoded, parsed and checked; throws AtmError('settings-invalid') and touches nothing otherwise. */
export interface LoadedSettings {
  readonly file: SettingsFile;
  /** The text without its byte order mark; null when there is no file. */
  readonly text: string | null;
  readonly bom: boolean;
  readonly document: SettingsDocument;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function loadSettings(path: string): Promise<LoadedSettings> {
  const file = await readSettingsFile(path);
  const decoded = file.bytes === null ? null : decodeUtf8(file.bytes, path);
  const bom = decoded?.startsWith('\uFEFF') ?? false;
  const text = decoded === null ? null : bom ? decoded.slice(1) : decoded;
  const document = parseSettingsText(text ?? '', path);
  assertSettingsShape(document.value, path);
  return { file, text, bom, document };
}

/** Refuses bytes that are not UTF-8 (rather than turning them into U+FFFD), saying where. */
function decodeUtf8(bytes: Buffer, path: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const lossy = Buffer.from(bytes.toString('utf8'));
    let offset = 0;
    while (offset < bytes.length && bytes[offset] === lossy[offset]) offset += 1;
    throw new AtmError('settings-invalid', `${path}: byte ${offset + 1} is not valid UTF-8; atm changed nothing`, {
      hint: 'Claude Code reads settings as UTF-8: save the file as UTF-8, then run the command again',
    });
  }
}

/**
 * The text to write for `next`, or null when nothing changes: only the lines atm adds or removes
 * differ from the file (see settings-text-edit.ts). A missing or blank file starts as `{}`.
 */
export function toNewText(loaded: LoadedSettings, next: JsonObject): string | null {
  if (isDeepStrictEqual(next, loaded.document.value)) return null; // also: no file, and nothing to add
  const base = loaded.text === null || loaded.text.trim() === '' ? '{}\n' : loaded.text;
  return toEditedText(base, loaded.document.value, next);
}

const toBytes = (loaded: LoadedSettings, text: string): Buffer => Buffer.from(`${loaded.bom ? '\uFEFF' : ''}${text}`);

/** What --dry-run prints: a unified diff of the settings file, or a line saying it stays. */
export function describeDryRun(loaded: LoadedSettings, newText: string | null): string {
  if (newText === null) return `${loaded.file.path}: no change`;
  return toUnifiedDiff(loaded.text ?? '', newText, {
    before: loaded.text === null ? '/dev/null' : loaded.file.path,
    after: loaded.file.path,
  }).trimEnd();
}

/** What a command wants done to the file it loaded: the new value, or the file removed (uninstall of a file setup created). */
export interface SettingsPlan<T> {
  readonly info: T;
  readonly next: JsonObject;
  readonly removeFile: boolean;
  /** The exact text to write instead of the edit toward `next` (uninstall giving a blank file back). */
  readonly text?: string;
}

export type EditResult<T> = {
  readonly loaded: LoadedSettings;
  readonly plan: SettingsPlan<T>;
  readonly newText: string | null;
  readonly outcome: CommitOutcome | { readonly kind: 'unchanged' } | { readonly kind: 'read-only' };
};

const ATTEMPTS = 5;

/**
 * Loads, plans and commits, again from the start when another writer changed the file meanwhile
 * (their change is kept: atm's edit is recomputed on top of it). A read-only file is not written
 * unless `force`; the caller then prints the change for the user to make by hand.
 */
export async function editSettings<T>(
  path: string,
  plan: (loaded: LoadedSettings) => Promise<SettingsPlan<T>> | SettingsPlan<T>,
  options: CommitOptions & { readonly force: boolean },
): Promise<EditResult<T>> {
  for (let attempt = 1; ; attempt += 1) {
    const loaded = await loadSettings(path);
    const planned = await plan(loaded);
    const newText =
      planned.text === undefined ? toNewText(loaded, planned.next) : planned.text === loaded.text ? null : planned.text;
    const base = { loaded, plan: planned, newText };
    if (newText === null && !(planned.removeFile && loaded.file.bytes !== null))
      return { ...base, outcome: { kind: 'unchanged' } };
    if (loaded.file.readOnly && !options.force) return { ...base, outcome: { kind: 'read-only' } };
    const outcome = await commitSettingsFile(
      loaded.file,
      planned.removeFile ? null : toBytes(loaded, newText ?? loaded.text ?? ''),
      options,
    );
    if (outcome.kind !== 'changed-meanwhile' || attempt >= ATTEMPTS) return { ...base, outcome };
  }
}
