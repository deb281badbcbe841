import { describe, expect, it } from 'vitest';
import { assertSettingsShape } from '../../../../src/integrations/claude/settings-shape.js';
import type { JsonObject } from '../../../../src/integrations/claude/settings-document.js';
import { AtmError } from '../../../../src/shared/errors.js';

const FILE = '/p/.claude/settings.json';

describe('assertSettingsShape', () => {
  it.each<[name: string, settings: JsonObject]>([
    ['no hooks, no status line', { model: 'opus' }],
    [
      'hooks of every kind, with keys atm does not know',
      {
        hooks: {
          PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'x', args: ['a'] }], extra: 1 }],
          Stop: [{ hooks: [{ type: 'prompt', prompt: 'p' }] }],
          SomeFutureEvent: [],
        },
      },
    ],
    ['a group without hooks', { hooks: { Stop: [{ matcher: '*' }] } }],
    ['a status line without command', { statusLine: { type: 'command', padding: 2 } }],
  ])('accepts %s', (_name, settings) => {
    expect(() => assertSettingsShape(settings, FILE)).not.toThrow();
  });

  it.each<[settings: JsonObject, where: string]>([
    [{ hooks: [] }, 'hooks'],
    [{ hooks: 'none' }, 'hooks'],
    [{ hooks: { Stop: {} } }, 'hooks.Stop'],
    [{ hooks: { Stop: ['echo hi'] } }, 'hooks.Stop[0]'],
    [{ hooks: { PreToolUse: [{ matcher: '*', hooks: { type: 'command' } }] } }, 'hooks.PreToolUse[0].hooks'],
    [{ hooks: { PreToolUse: [{ matcher: '*', hooks: ['echo'] }] } }, 'hooks.PreToolUse[0].hooks[0]'],
    [{ statusLine: 'echo hi' }, 'statusLine'],
    [{ statusLine: { command: ['echo', 'hi'] } }, 'statusLine.command'],
  ])('refuses %j, naming %s', (settings, where) => {
    let caught: unknown;
    try {
      assertSettingsShape(settings, FILE);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AtmError);
    const error = caught as AtmError;
    expect(error.code).toBe('settings-invalid');
    expect(error.message).toMatch(
      new RegExp(`^${FILE}: ${where.replace(/[.[\]]/g, '\\$&')} has the wrong shape \\(.+\\); atm changed nothing$`),
    );
    expect(error.hint).toContain('"hooks" must map each event name');
  });
});
