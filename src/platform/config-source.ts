import type { Result } from '../shared/result.js';

/** The file names atm looks for in its config directory, in this order (the first that exists wins). */
export const CONFIG_FILE_NAMES = ['config.yaml', 'config.yml', 'config.json'] as const;

/**
 * One config file as read from disk: its absolute path and either its parsed (not yet
 * validated) content or a one-line reason it could not be parsed ("not valid YAML: …").
 * An empty file reads as `{}`.
 */
export interface RawConfig {
  readonly file: string;
  readonly content: Result<unknown, string>;
}

/** Where config files come from. The adapter parses; validation against the schema happens in config.ts. */
export interface ConfigSource {
  /**
   * `explicitFile` (absolute) when given, whether or not it exists; else the first of
   * CONFIG_FILE_NAMES in `configDir`, or null when there is none.
   */
  read(request: { readonly configDir: string; readonly explicitFile: string | null }): Promise<RawConfig | null>;
}
