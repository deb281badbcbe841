import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { defaultLoaders } from 'cosmiconfig';
import { describeError } from '../shared/errors.js';
import { sanitizeTerminalText } from '../shared/terminal-text.js';
import { err, ok, type Result } from '../shared/result.js';
import { CONFIG_FILE_NAMES, type ConfigSource, type RawConfig } from './config-source.js';

// Only cosmiconfig's YAML and JSON loaders: a config file is data, never code, so the JS/TS
// loaders are out. And atm does not call cosmiconfig() itself: building an explorer first looks
// for cosmiconfig's own meta config in the *current directory*, and a `.config/config.js` found
// there is executed. atm runs in any directory the user happens to be in.
const LOADERS: Readonly<Record<string, { format: 'YAML' | 'JSON'; load: (typeof defaultLoaders)['.json'] }>> = {
  '.yaml': { format: 'YAML', load: defaultLoaders['.yaml'] },
  '.yml': { format: 'YAML', load: defaultLoaders['.yml'] },
  '.json': { format: 'JSON', load: defaultLoaders['.json'] },
};

/** The one line of a YAML/JSON loader error that says what is wrong, with its line (and column). */
export function summarizeParseError(format: 'YAML' | 'JSON', error: unknown): string {
  const yaml = error as { reason?: unknown; mark?: { line?: unknown; column?: unknown } };
  if (typeof yaml.reason === 'string' && typeof yaml.mark?.line === 'number' && typeof yaml.mark.column === 'number') {
    return `not valid YAML: ${sanitizeTerminalText(yaml.reason)} (line ${yaml.mark.line + 1}, column ${yaml.mark.column + 1})`;
  }
  // parse-json's message: a header, a code frame ("> 3 | }"), then the reason, then the frame again.
  // Under CI=true or FORCE_COLOR, parse-json colours its code frame: drop the SGR codes first.
  // eslint-disable-next-line no-control-regex -- matching ESC is the point
  const text = describeError(error).replace(/\u001b\[[0-9;]*m/g, '');
  const line = /^>\s*(\d+)\s*\|/m.exec(text)?.[1];
  const reason = text
    .split('\n')
    .map((part) => part.trim())
    .find((part) => part !== '' && !/^(JSON|YAML) Error in /.test(part) && !/^(>\s*)?\d*\s*\|/.test(part));
  // Node 22+ puts "(line 3 column 1)" in JSON.parse's own message; say the line once, our way.
  const own = / \(line (\d+) column \d+\)/.exec(reason ?? '');
  const short = sanitizeTerminalText(reason ?? 'cannot be parsed')
    .replace(/ while parsing .*$/, '')
    .replace(/ \(line \d+ column \d+\)/, '');
  const where = line ?? own?.[1];
  return `not valid ${format}: ${short.slice(0, 200)}${where === undefined ? '' : ` (line ${where})`}`;
}

async function readRaw(file: string, missingIsNull: boolean): Promise<RawConfig | null> {
  const loader = LOADERS[extname(file).toLowerCase()];
  if (loader === undefined)
    return { file, content: err('atm reads YAML (.yaml, .yml) or JSON (.json) config files only') };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missingIsNull) return null;
    return { file, content: err(code === 'ENOENT' ? 'no such file' : `cannot be read (${describeError(error)})`) };
  }
  return { file, content: parse(loader, file, text) };
}

function parse(loader: (typeof LOADERS)[string], file: string, text: string): Result<unknown, string> {
  if (text.trim() === '') return ok({});
  try {
    // A YAML file of only comments loads as null (or undefined): same as empty.
    return ok(loader.load(file, text) ?? {});
  } catch (error) {
    return err(summarizeParseError(loader.format, error));
  }
}

/** The ConfigSource atm uses: YAML or JSON files, parsed with cosmiconfig's loaders. */
export function createCosmiconfigConfigSource(): ConfigSource {
  return {
    async read({ configDir, explicitFile }) {
      if (explicitFile !== null) return readRaw(explicitFile, false);
      for (const name of CONFIG_FILE_NAMES) {
        const found = await readRaw(join(configDir, name), true);
        if (found !== null) return found;
      }
      return null;
    },
  };
}
