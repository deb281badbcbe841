import { accessSync, constants, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { delimiter, dirname, join, relative, resolve } from 'node:path';

/**
 * How the user can run this very atm again, for advice such as "run `atm setup`". After
 * `npm install && npm start` in a checkout, atm is not on PATH yet, so `atm setup` would fail
 * (or run another install): the advice then names `node dist/cli/main.js` and how to put atm on
 * PATH.
 */
export interface AtmInvocation {
  /** `atm`, or `node <path to main.js>` (relative from the package root, else with `~`). */
  readonly command: string;
  /** Null when `atm` on PATH is this install; else what puts it there: "`npm install -g .` here" (or "in <dir>"). */
  readonly install: string | null;
}

const real = (path: string): string | null => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};

/** The first `atm` on PATH that may be executed, as a shell would find it. */
function atmOnPath(pathEnv: string | undefined, cwd: string): string | null {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    // An empty entry means the working directory, as in a shell.
    const candidate = join(dir === '' ? cwd : resolve(cwd, dir), 'atm');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here: the next PATH entry
    }
  }
  return null;
}

/** `~/…` for a path under the home directory, as a shell prompt shows it (and a shell expands it). */
function shortPath(path: string, homeDir: string | null): string {
  if (homeDir !== null && homeDir !== '/' && path.startsWith(`${homeDir}/`)) return `~${path.slice(homeDir.length)}`;
  return path;
}

/** A path with a space or a quote in it is quoted, so the advice can be pasted into a shell. */
const shellWord = (word: string): string =>
  /^[\w~./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * `main` is this atm's main.js. `atm` on PATH counts only when it resolves to
 * the same file: an older global install would run other code than the one giving the advice.
 */
export function resolveAtmInvocation(options: {
  main: string;
  pathEnv: string | undefined;
  cwd: string;
  homeDir: string | null;
}): AtmInvocation {
  const { cwd, homeDir } = options;
  const main = real(options.main) ?? resolve(cwd, options.main);
  const found = atmOnPath(options.pathEnv, cwd);
  if (found !== null && real(found) === main) return { command: 'atm', install: null };
  // dist/cli/main.js: the package root is three levels up. From the root itself (the README's
  // `npm start`), the path is relative, as the README writes it.
  const root = dirname(dirname(dirname(main)));
  const here = root === resolve(cwd);
  const command = `node ${shellWord(here ? relative(root, main) : shortPath(main, homeDir))}`;
  // An npm-installed copy lives under node_modules: installing it again is not the fix there.
  if (root.split('/').includes('node_modules')) return { command, install: null };
  const where = here ? 'here' : `in ${shellWord(shortPath(root, homeDir))}`;
  return { command, install: `\`npm install -g .\` ${where}` };
}

/** This atm's main.js (beside this module), PATH, working directory and home. */
export function currentAtmInvocation(env: NodeJS.ProcessEnv, homeDir: string | null): AtmInvocation {
  const main = fileURLToPath(new URL('./main.js', import.meta.url));
  return resolveAtmInvocation({ main, pathEnv: env.PATH, cwd: process.cwd(), homeDir });
}
