import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_MAJOR,
  PROTOCOL_VERSION,
  isCompatibleVersion,
  parseProtocolVersion,
} from '../../../src/protocol/version.js';

describe('protocol versions', () => {
  it.each<[version: string, parsed: { major: number; minor: number } | null, compatible: boolean]>([
    ['1.0', { major: 1, minor: 0 }, true],
    ['1.7', { major: 1, minor: 7 }, true],
    ['1.42', { major: 1, minor: 42 }, true],
    ['2.0', { major: 2, minor: 0 }, false],
    ['0.9', { major: 0, minor: 9 }, false],
    ['10.1', { major: 10, minor: 1 }, false],
    ['1', null, false],
    ['1.0.0', null, false],
    ['v1.0', null, false],
    [' 1.0', null, false],
    ['1.0\n', null, false],
    ['1.x', null, false],
    ['-1.0', null, false],
    ['12345.0', null, false],
    ['garbage', null, false],
    ['', null, false],
  ])('%j parses to %j; compatible: %s', (version, parsed, compatible) => {
    expect(parseProtocolVersion(version)).toEqual(parsed);
    expect(isCompatibleVersion(version)).toBe(compatible);
  });

  it('our own version is MAJOR.MINOR of our own major', () => {
    expect(parseProtocolVersion(PROTOCOL_VERSION)?.major).toBe(PROTOCOL_MAJOR);
    expect(isCompatibleVersion(PROTOCOL_VERSION)).toBe(true);
  });
});
