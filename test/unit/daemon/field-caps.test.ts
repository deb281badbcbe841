import { describe, expect, it } from 'vitest';
import { cutText } from '../../../src/daemon/field-caps.js';

describe('cutText', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['abcdefghijk', 10, 'abcdefghi…'],
    // a surrogate pair at the cut is dropped whole, never split
    [`abcdefgh\u{1F600}xyz`, 10, 'abcdefgh…'],
  ])('%j cut to %i → %j', (text, max, expected) => {
    expect(cutText(text, max)).toBe(expected);
    expect(cutText(text, max).length).toBeLessThanOrEqual(max);
  });
});
