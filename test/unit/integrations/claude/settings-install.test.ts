import { describe, expect, it } from 'vitest';
import { CLAUDE_HOOK_EVENTS } from '../../../../src/integrations/claude/hook-mapping.js';
import { toStatusLineCommand } from '../../../../src/integrations/claude/settings-atm-entries.js';
import {
  formatSettings,
  parseSettingsText,
  type JsonObject,
} from '../../../../src/integrations/claude/settings-document.js';
import { installAtm } from '../../../../src/integrations/claude/settings-install.js';
import { uninstallAtm } from '../../../../src/integrations/claude/settings-uninstall.js';
import {
  FANCY_STATUS_LINE,
  OTHER_TOOLS_SETTINGS,
  SETTINGS_SAMPLES,
} from '../../../integration/claude/settings-samples.js';

const SHIM = '/home/alex/.local/share/atm/atm-report.sh';
const HANDLER = { type: 'command', command: SHIM, args: ['hook'], async: true };
const parse = (text: string): JsonObject => parseSettingsText(text, 'settings.json').value;
const hooksOf = (settings: JsonObject): Record<string, unknown[]> => settings.hooks as Record<string, unknown[]>;

describe('installAtm', () => {
  it('adds one exec-form, async handler per event, with matcher "*" where the event takes one', () => {
    const { value, addedEvents } = installAtm({}, { shimPath: SHIM });
    expect(addedEvents).toEqual([...CLAUDE_HOOK_EVENTS]);
    expect(Object.keys(hooksOf(value))).toEqual([...CLAUDE_HOOK_EVENTS]);
    for (const event of CLAUDE_HOOK_EVENTS) {
      const group = ['UserPromptSubmit', 'Stop'].includes(event)
        ? { hooks: [HANDLER] }
        : { matcher: '*', hooks: [HANDLER] };
      expect(hooksOf(value)[event], event).toEqual([group]);
    }
    expect(value.statusLine).toEqual({ type: 'command', command: `'${SHIM}' status` });
  });

  it("keeps every other key, hook and value, appending atm's group after the user's", () => {
    const { value } = installAtm(OTHER_TOOLS_SETTINGS, { shimPath: SHIM });
    const { hooks: _ours, statusLine: _line, ...rest } = value;
    const { hooks: _theirs, ...original } = OTHER_TOOLS_SETTINGS;
    expect(rest).toEqual(original);
    expect(Object.keys(value)).toEqual([...Object.keys(OTHER_TOOLS_SETTINGS), 'statusLine']);
    const hooks = hooksOf(value);
    expect(hooks.PreToolUse).toEqual([...OTHER_TOOLS_SETTINGS.hooks.PreToolUse, { matcher: '*', hooks: [HANDLER] }]);
    expect(hooks.Stop).toEqual([...OTHER_TOOLS_SETTINGS.hooks.Stop, { hooks: [HANDLER] }]);
    expect(hooks.TeammateIdle).toEqual(OTHER_TOOLS_SETTINGS.hooks.TeammateIdle);
    // The user's events keep their places; atm's new ones follow.
    expect(Object.keys(hooks).slice(0, 5)).toEqual(Object.keys(OTHER_TOOLS_SETTINGS.hooks));
  });

  it('does not modify its input', () => {
    const input = structuredClone(OTHER_TOOLS_SETTINGS);
    installAtm(input, { shimPath: SHIM });
    expect(input).toEqual(OTHER_TOOLS_SETTINGS);
  });

  it('wraps an existing status line and keeps its other fields', () => {
    const { value, statusLine } = installAtm(
      { statusLine: { type: 'command', command: FANCY_STATUS_LINE, padding: 3 } },
      { shimPath: SHIM },
    );
    expect(statusLine).toEqual({ kind: 'wrapped', userCommand: FANCY_STATUS_LINE });
    expect(value.statusLine).toEqual({
      type: 'command',
      command: toStatusLineCommand(SHIM, FANCY_STATUS_LINE),
      padding: 3,
    });
  });

  it('leaves a status line without a command alone', () => {
    const { value, statusLine } = installAtm({ statusLine: { type: 'command', padding: 1 } }, { shimPath: SHIM });
    expect(statusLine).toEqual({ kind: 'not-a-command' });
    expect(value.statusLine).toEqual({ type: 'command', padding: 1 });
  });

  it.each(SETTINGS_SAMPLES)('is idempotent on $name', ({ text }) => {
    const once = installAtm(parse(text), { shimPath: SHIM });
    const twice = installAtm(once.value, { shimPath: SHIM });
    expect(twice.value).toEqual(once.value);
    expect(JSON.stringify(twice.value)).toBe(JSON.stringify(once.value));
    expect(twice.addedEvents).toEqual([]);
    expect(twice.updatedEvents).toEqual([]);
    expect(twice.created).toEqual({ hooksKey: false, events: [] });
  });

  it('moves its entries to a new shim path in place, and drops duplicates', () => {
    const old = installAtm(OTHER_TOOLS_SETTINGS, { shimPath: '/old/atm/atm-report.sh' }).value;
    const stop = hooksOf(old).Stop as { hooks: unknown[] }[];
    stop[0]!.hooks.push({ type: 'command', command: '/older/atm-report.sh' });
    const moved = installAtm(old, { shimPath: SHIM });
    expect(moved.addedEvents).toEqual([]);
    expect(moved.updatedEvents).toEqual([...CLAUDE_HOOK_EVENTS]);
    expect(hooksOf(moved.value).Stop).toEqual([{ hooks: [OTHER_TOOLS_SETTINGS.hooks.Stop[0]!.hooks[0], HANDLER] }]);
    expect(JSON.stringify(moved.value)).not.toContain('/old');
    expect(moved.statusLine).toEqual({ kind: 'kept', userCommand: null });
  });

  it('records which containers it created', () => {
    expect(installAtm({}, { shimPath: SHIM }).created).toEqual({ hooksKey: true, events: [...CLAUDE_HOOK_EVENTS] });
    const created = installAtm(
      { hooks: { Stop: [], PreToolUse: [{ matcher: 'x', hooks: [] }] } },
      { shimPath: SHIM },
    ).created;
    expect(created.hooksKey).toBe(false);
    expect(created.events).toEqual(CLAUDE_HOOK_EVENTS.filter((event) => event !== 'Stop' && event !== 'PreToolUse'));
  });
});

describe('uninstallAtm', () => {
  it.each(SETTINGS_SAMPLES)('gives back the original after setup, key order included: $name', ({ text }) => {
    const original = parse(text);
    const installed = installAtm(original, { shimPath: SHIM });
    const removed = uninstallAtm(installed.value, installed.created);
    expect(removed.value).toEqual(original);
    expect(JSON.stringify(removed.value)).toBe(JSON.stringify(original));
    expect(removed.events).toHaveLength(CLAUDE_HOOK_EVENTS.length);
  });

  it.each(SETTINGS_SAMPLES.filter((sample) => sample.canonical))('gives back the same bytes for $name', ({ text }) => {
    const document = parseSettingsText(text, 'settings.json');
    const installed = installAtm(document.value, { shimPath: SHIM });
    expect(formatSettings(uninstallAtm(installed.value, installed.created).value, document.style)).toBe(text);
  });

  it('restores a wrapped status line exactly', () => {
    const installed = installAtm({ statusLine: { type: 'command', command: FANCY_STATUS_LINE } }, { shimPath: SHIM });
    const removed = uninstallAtm(installed.value, installed.created);
    expect(removed.statusLine).toEqual({ kind: 'restored', userCommand: FANCY_STATUS_LINE });
    expect(removed.value).toEqual({ statusLine: { type: 'command', command: FANCY_STATUS_LINE } });
  });

  it("removes only atm's handlers from a group the user added to", () => {
    const installed = installAtm({}, { shimPath: SHIM }).value;
    const group = (hooksOf(installed).PreToolUse as { hooks: unknown[] }[])[0]!;
    group.hooks.push({ type: 'command', command: 'mine.sh' });
    const removed = uninstallAtm(installed, null).value;
    expect(removed).toEqual({
      hooks: { PreToolUse: [{ matcher: '*', hooks: [{ type: 'command', command: 'mine.sh' }] }] },
    });
  });

  it("without a record, drops the containers it emptied; a user's own empty ones stay", () => {
    const installed = installAtm({ hooks: {} }, { shimPath: SHIM });
    expect(uninstallAtm(installed.value, null).value).toEqual({});
    expect(uninstallAtm(installed.value, installed.created).value).toEqual({ hooks: {} });
    expect(uninstallAtm({ hooks: {}, statusLine: { command: 'mine' } }, null).value).toEqual({
      hooks: {},
      statusLine: { command: 'mine' },
    });
  });

  it('leaves a file without atm in it as it is', () => {
    const removed = uninstallAtm(OTHER_TOOLS_SETTINGS, null);
    expect(removed).toEqual({ value: OTHER_TOOLS_SETTINGS, events: [], statusLine: { kind: 'none' } });
  });
});
