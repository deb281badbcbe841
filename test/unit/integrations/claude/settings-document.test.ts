import { describe, expect, it } from 'vitest';
import { formatSettings, parseSettingsText } from '../../../../src/integrations/claude/settings-document.js';
import { AtmError } from '../../../../src/shared/errors.js';
import { SETTINGS_SAMPLES } from '../../../integration/claude/settings-samples.js';

const FILE = '/home/alex/.claude/settings.json';

function refusal(text: string): AtmError {
  try {
    parseSettingsText(text, FILE);
  } catch (error) {
    if (error instanceof AtmError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseSettingsText', () => {
  it.each(['', '   \n', '\uFEFF\n'])('reads a blank file (%j) as an empty object', (text) => {
    expect(parseSettingsText(text, FILE).value).toEqual({});
  });

  it('keeps the key order of the file', () => {
    expect(Object.keys(parseSettingsText('{"z":1,"a":2,"m":3}', FILE).value)).toEqual(['z', 'a', 'm']);
  });

  it.each<[text: string, where: string]>([
    ['{\n  "model": "opus",\n  "hooks": {\n    "Stop": []\n  },\n}\n', ':6:1:'],
    ['{\n  // a comment\n  "model": "opus"\n}\n', ':2:3:'],
    ['{\n  "model": "opus"\n', ':3:1:'],
    ['{"a": 1} x', ':1:10:'],
  ])('refuses text that is not JSON, saying where (%j)', (text, where) => {
    const error = refusal(text);
    expect(error.code).toBe('settings-invalid');
    expect(error.message).toContain(`${FILE}${where}`);
    expect(error.message).toContain('not valid JSON');
    expect(error.message).toContain('atm changed nothing');
    expect(error.hint).toMatch(/^fix the JSON at line \d+, column \d+/);
  });

  it('never names a wrong place, and keeps the message on one line, when V8 gives no position', () => {
    // Node 20 says "Unexpected token '}', "{"hooks": [1,}\n" is not valid JSON": no position.
    const error = refusal('{"hooks": [1,}\n');
    expect(error.message).not.toContain(':2:1:');
    expect(error.message).not.toMatch(/[\n\r]/);
    expect(error.message).toMatch(/not valid JSON \(.+\); atm changed nothing$/);
  });

  it.each<[text: string, what: string]>([
    ['[]', 'an array'],
    ['"settings"', 'a string'],
    ['null', 'null'],
    ['42', 'a number'],
  ])('refuses JSON that is not an object (%s)', (text, what) => {
    const error = refusal(text);
    expect(error.code).toBe('settings-invalid');
    expect(error.message).toBe(`${FILE}: the top level is ${what}, not an object; atm changed nothing`);
  });
});

describe('formatSettings', () => {
  it.each(SETTINGS_SAMPLES.filter((sample) => sample.canonical))('writes $name back byte for byte', ({ text }) => {
    const document = parseSettingsText(text, FILE);
    expect(formatSettings(document.value, document.style)).toBe(text);
  });

  it.each<[text: string, indent: string, eol: string, finalNewline: boolean]>([
    ['{\n  "a": 1\n}\n', '  ', '\n', true],
    ['{\n    "a": 1\n}', '    ', '\n', false],
    ['{\r\n\t"a": 1\r\n}\r\n', '\t', '\r\n', true],
    ['{"a": 1}', '  ', '\n', true],
  ])('detects the style of %j', (text, indent, eol, finalNewline) => {
    expect(parseSettingsText(text, FILE).style).toEqual({ indent, eol, finalNewline });
  });

  it('keeps non-ASCII text as it is rather than escaping it', () => {
    expect(formatSettings({ greeting: 'こんにちは 🌍' }, { indent: '  ', eol: '\n', finalNewline: true })).toBe(
      '{\n  "greeting": "こんにちは 🌍"\n}\n',
    );
  });
});
