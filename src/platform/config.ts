import { resolve } from 'node:path';
import { AtmError } from '../shared/errors.js';
import { configSchema, DEFAULT_CONFIG, LOG_LEVELS, type AtmConfig, type LogLevel } from './config-schema.js';
import { describeConfigProblem, showValue } from './config-problem.js';
import type { ConfigSource } from './config-source.js';

export interface LoadConfigOptions {
  /** `paths.configDir`: $XDG_CONFIG_HOME/atm. */
  readonly configDir: string;
  /** Reads ATM_CONFIG, ATM_LOG_LEVEL and HOME (to print paths as ~/…). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Defaults to the cosmiconfig adapter, imported on first use so that only callers that load config pay for it. */
  readonly source?: ConfigSource;
}

export interface LoadedConfig {
  readonly config: AtmConfig;
  /** The file the config came from, or null when atm runs on its defaults. */
  readonly file: string | null;
}

/**
 * atm's configuration: ATM_CONFIG's file if set, else the first of config.yaml, config.yml,
 * config.json in `configDir`, else the defaults; then ATM_LOG_LEVEL over `logLevel`. A file that
 * does not parse or does not fit the schema throws AtmError('config-invalid') with a one-line
 * message naming the file, the key and what was expected: the daemon refuses to start rather
 * than run half-configured.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const { env } = options;
  const explicit = env.ATM_CONFIG === undefined || env.ATM_CONFIG.trim() === '' ? null : resolve(env.ATM_CONFIG);
  const source = options.source ?? (await import('./cosmiconfig-config-source.js')).createCosmiconfigConfigSource();
  const raw = await source.read({ configDir: options.configDir, explicitFile: explicit });
  if (raw === null) return { config: withEnv(DEFAULT_CONFIG, env), file: null };

  const shown = displayPath(raw.file, env.HOME);
  if (!raw.content.ok) {
    const from = explicit === null ? '' : ' (named by ATM_CONFIG)';
    throw new AtmError('config-invalid', `${shown}${from}: ${raw.content.error}`, {
      hint:
        explicit === null
          ? `fix ${shown}, or move it aside to run with the defaults (docs/CONFIG.md describes every key)`
          : 'point ATM_CONFIG at a readable .yaml, .yml or .json file, or unset it',
    });
  }
  const parsed = configSchema.safeParse(raw.content.value);
  if (!parsed.success) {
    throw new AtmError(
      'config-invalid',
      `${shown}: ${describeConfigProblem(configSchema, raw.content.value, parsed.error.issues)}`,
      {
        cause: parsed.error,
        hint: `fix the value in ${shown} (docs/CONFIG.md describes every key), or remove the key to use its default`,
      },
    );
  }
  return { config: withEnv(parsed.data, env), file: raw.file };
}

/** ATM_LOG_LEVEL wins over the file's `logLevel`; case and surrounding spaces do not matter, empty means unset. */
function withEnv(config: AtmConfig, env: LoadConfigOptions['env']): AtmConfig {
  const value = env.ATM_LOG_LEVEL?.trim().toLowerCase() ?? '';
  if (value === '') return config;
  if (!isLogLevel(value)) {
    const expected = LOG_LEVELS.map((level) => JSON.stringify(level)).join(', ');
    throw new AtmError(
      'config-invalid',
      `ATM_LOG_LEVEL: expected one of ${expected}, got ${showValue(env.ATM_LOG_LEVEL)}`,
      {
        hint: `set ATM_LOG_LEVEL to one of ${LOG_LEVELS.join(', ')}, or unset it`,
      },
    );
  }
  return { ...config, logLevel: value };
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** `/home/me/.config/atm/config.yaml` → `~/.config/atm/config.yaml`, as people write it. */
export function displayPath(file: string, home: string | undefined): string {
  if (home === undefined || home.length < 2) return file;
  const base = home.endsWith('/') ? home.slice(0, -1) : home;
  return file.startsWith(`${base}/`) ? `~${file.slice(base.length)}` : file;
}
