import { describe, expect, it } from 'vitest';
import { parseAtmdArgs } from '../../../src/daemon/atmd-command-line.js';

describe('parseAtmdArgs', () => {
  it.each([
    [[], { kind: 'run' }],
    [['--help'], { kind: 'help' }],
    [['-h'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
    [['-V'], { kind: 'version' }],
    [['-V', '-h'], { kind: 'version' }],
    [['--foreground'], { kind: 'usage-error', message: 'unknown option --foreground' }],
    [['run'], { kind: 'usage-error', message: 'unexpected argument "run" (atmd takes none)' }],
  ])('%j', (args, expected) => {
    expect(parseAtmdArgs(args)).toEqual(expected);
  });
});
