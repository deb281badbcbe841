// Writes the files derived from the command table, the config schema and package.json
// (completions/, man/atm.1, man/atm.conf.5, and the modules src/platform/package-info.ts and
// src/cli/root-help-text.ts) from the built dist/. Run through `npm run generate`, which builds
// before (the renderers come from dist/) and after (dist/ gets the regenerated modules).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { renderGeneratedFiles } from '../dist/cli/manual/generated-files.js';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const configDoc = readFileSync(join(root, 'docs', 'CONFIG.md'), 'utf8');
for (const [path, text] of renderGeneratedFiles({ configDoc, version })) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  process.stdout.write(`wrote ${path}\n`);
}
