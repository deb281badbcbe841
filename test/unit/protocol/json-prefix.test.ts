import { describe, expect, it } from 'vitest';
import { parseJsonObjectPrefix } from '../../../src/protocol/json-prefix.js';

describe('parseJsonObjectPrefix: the whole top-level members of a cut JSON object', () => {
  it.each([
    ['a whole object', '{"a": 1, "b": "x"}', { a: 1, b: 'x' }],
    ['cut inside a string', '{"a": 1, "b": "xy', { a: 1 }],
    ['cut inside a nested object', '{"a": {"b": [1, 2]}, "c": {"d": [1, 2', { a: { b: [1, 2] } }],
    ['cut after a key', '{"a": true, "b"', { a: true }],
    ['cut after a colon', '{"a": null, "b": ', { a: null }],
    ['a number at the cut is not trusted', '{"a": "x", "n": 123', { a: 'x' }],
    ['escapes and braces inside strings', '{"a": "q\\"}{[", "b": "\\\\", "c": "', { a: 'q"}{[', b: '\\' }],
    ['a BOM and spacing', '\ufeff { "a" :\n 2 ,\r\n "b":', { a: 2 }],
    ['an empty object', '{}', {}],
    ['not an object', '[1, 2', null],
    ['garbage', 'hello', null],
    ['an empty text', '', null],
  ])('%s', (_name, text, expected) => {
    expect(parseJsonObjectPrefix(text)).toEqual(expected);
  });

  it('keeps every field of a PostToolUse before its huge tool_response', () => {
    const report = {
      session_id: 's',
      hook_event_name: 'PostToolUse',
      cwd: '/src/api',
      tool_name: 'Read',
      tool_input: { file_path: '/src/api/big.json' },
      tool_response: { content: 'x'.repeat(5000) },
    };
    const text = JSON.stringify(report);
    const { tool_response: _dropped, ...kept } = report;
    expect(parseJsonObjectPrefix(text.slice(0, 1000))).toEqual(kept);
  });
});
