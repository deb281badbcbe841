import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRootHelp } from '../../../src/cli/command-line/render-help.js';
import { COMMAND_TABLE } from '../../../src/cli/command-table.js';
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

  it('covers the completions for three shells, two man pages, the version and the help text', () => {
    expect(files.map(([path]) => path).sort()).toEqual([
      'completions/_atm',
      'completions/atm.bash',
      'completions/atm.fish',
      'man/atm.1',
      'man/atm.conf.5',
      'src/cli/root-help-text.ts',
      'src/platform/package-info.ts',
    ]);
  });

  it('the version module says what package.json says, and the help text is the table rendered', async () => {
    const { PACKAGE_VERSION } = await import('../../../src/platform/package-info.js');
    const { ROOT_HELP } = await import('../../../src/cli/root-help-text.js');
    expect(PACKAGE_VERSION).toBe(version);
    expect(ROOT_HELP).toBe(renderRootHelp(COMMAND_TABLE));
  });
});
