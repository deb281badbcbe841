import { readFileSync } from 'node:fs';

/** The installed package's version, read once from package.json next to dist/ or src/. */
export const PACKAGE_VERSION: string = readVersion();

function readVersion(): string {
  try {
    const raw = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const parsed = JSON.parse(raw) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
