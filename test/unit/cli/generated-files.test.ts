import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderGeneratedFiles } from '../../../src/cli/manual/generated-files.js';
import { REPO_ROOT } from '../../helpers/built.js';

/**
 * The completions and the generated man pages are checked in. They must be exactly what the
 * command table and the config schema (with docs/CONFIG.md's descriptions) give today.
 */
const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const configDoc = readFileSync(join(REPO_ROOT, 'docs', 'CONFIG.md'), 'utf8');
const files = [...renderGeneratedFiles({ configDoc, version })];

describe('files generated from the command table and the config schema', () => {
  it.each(files)('%s is up to date (if not: npm run generate, and commit the result)', (path, expected) => {
    expect(readFileSync(join(REPO_ROOT, path), 'utf8')).toBe(expected);
  });

  it('covers the completions for three shells and two man pages', () => {
    expect(files.map(([path]) => path).sort()).toEqual([
      'completions/_atm',
      'completions/atm.bash',
      'completions/atm.fish',
      'man/atm.1',
      'man/atm.conf.5',
    ]);
  });
});
