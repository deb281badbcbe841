import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATMD_OPTIONS } from '../../../src/daemon/atmd-command-line.js';
import { REPO_ROOT } from '../../helpers/built.js';

const hasMandoc = spawnSync('mandoc', ['-V']).error === undefined;
const MAN = join(REPO_ROOT, 'man');
const pages = readdirSync(MAN).filter((name) => /\.\d$/.test(name));

describe.skipIf(!hasMandoc)('the man pages', () => {
  it.each(pages)('mandoc -Tlint -W warning finds nothing in %s', (page) => {
    const result = spawnSync('mandoc', ['-Tlint', '-W', 'warning', join(MAN, page)], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('there are pages for atm, atmd and the config file', () => {
    expect(pages.sort()).toEqual(['atm.1', 'atm.conf.5', 'atmd.8']);
  });

  it('atmd.8 (written by hand) names every atmd option', () => {
    const page = readFileSync(join(MAN, 'atmd.8'), 'utf8');
    for (const option of ATMD_OPTIONS) {
      expect(page).toContain(`\\fB\\-${option.short}\\fR, \\fB\\-\\-${option.name}\\fR\n${option.description}`);
    }
  });
});
