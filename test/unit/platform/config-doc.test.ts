import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/platform/config-schema.js';

/** Every leaf key of the defaults as [dotted path, default value]. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix === '' ? key : `${prefix}.${key}`));
}

const doc = readFileSync(new URL('../../../docs/CONFIG.md', import.meta.url), 'utf8');

describe('docs/CONFIG.md', () => {
  it.each(leaves(DEFAULT_CONFIG))('documents %s with its default %j', (key, value) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${key}\``));
    expect(row, `no table row for ${key}`).toBeDefined();
    expect(row).toContain(`\`${Array.isArray(value) ? JSON.stringify(value) : String(value)}\``);
  });
});
