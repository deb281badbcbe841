import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/built.js';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.js';

/**
 * `npm start` builds only when dist is stale (scripts/build-if-stale.mjs). The real script runs
 * in a copy of the repo's layout in a temp dir, so the repo's own dist is never rebuilt under
 * other tests. tsc there is a stand-in (it writes dist/cli/main.js and counts its runs): the
 * real compile takes ~5 s and is not what is tested here, the staleness rule is.
 */
const FAKE_TSC = `const fs = require('node:fs'); const path = require('node:path');
const root = path.join(__dirname, '..', '..', '..');
if (fs.existsSync(path.join(root, 'src', 'broken.ts'))) { console.error('error TS1005'); process.exit(2); }
fs.mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
fs.writeFileSync(path.join(root, 'dist', 'cli', 'main.js'), '');
fs.appendFileSync(path.join(root, 'builds'), 'x');
`;

let temp: TempDir | undefined;
afterEach(() => temp?.[Symbol.dispose]());

function makeRepo(): string {
  temp = makeTempDir('atm-stale-');
  const root = temp.path;
  for (const dir of ['scripts', 'src/cli', 'node_modules/typescript/bin'])
    mkdirSync(join(root, dir), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'scripts', 'build-if-stale.mjs'), join(root, 'scripts', 'build-if-stale.mjs'));
  writeFileSync(join(root, 'node_modules', 'typescript', 'bin', 'tsc'), FAKE_TSC);
  writeFileSync(join(root, 'node_modules', 'typescript', 'package.json'), '{"type":"commonjs"}');
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export {};\n');
  writeFileSync(join(root, 'tsconfig.build.json'), '{}\n');
  writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
  return root;
}

const start = (root: string) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs')], { encoding: 'utf8', timeout: 60_000 });
const builds = (root: string): number =>
  existsSync(join(root, 'builds')) ? readFileSync(join(root, 'builds'), 'utf8').length : 0;

describe('npm start: build only when stale', () => {
  it('builds with no dist, then not again while nothing changed', () => {
    const root = makeRepo();
    expect(start(root).status).toBe(0);
    expect(builds(root)).toBe(1);
    expect(start(root).status).toBe(0);
    expect(builds(root)).toBe(1);
  });

  it('builds again when a src file is newer, when one is added, and when dist is gone', () => {
    const root = makeRepo();
    start(root);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src', 'cli', 'main.ts'), later, later);
    start(root);
    expect(builds(root)).toBe(2);
    writeFileSync(join(root, 'src', 'cli', 'new.ts'), 'export {};\n');
    start(root);
    expect(builds(root)).toBe(3);
    rmSync(join(root, 'dist'), { recursive: true });
    start(root);
    expect(builds(root)).toBe(4);
    start(root);
    expect(builds(root)).toBe(4);
  });

  it('a failed build says so, exits non-zero, and is tried again next time', () => {
    const root = makeRepo();
    writeFileSync(join(root, 'src', 'broken.ts'), 'let x = ;\n');
    const failed = start(root);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('npm start: the build failed');
    rmSync(join(root, 'src', 'broken.ts'));
    expect(start(root).status).toBe(0);
    expect(builds(root)).toBe(1);
  });
});
