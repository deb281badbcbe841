import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const ATM_BIN = join(REPO_ROOT, 'dist', 'cli', 'main.js');
export const ATMD_BIN = join(REPO_ROOT, 'dist', 'daemon', 'main.js');
