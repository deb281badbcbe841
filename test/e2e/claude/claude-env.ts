import { mkdtemp, mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toClaudeJson, toProjectSlug, toSettingsJson } from './claude-config-seed.js';

/**
 * A throwaway Claude Code home: <root>/config is CLAUDE_CONFIG_DIR, <root>/project the cwd,
 * <root>/tmp its CLAUDE_CODE_TMPDIR (scratch files and the messaging socket cc-socks/<pid>.sock,
 * which Claude Code removes on any exit but SIGKILL).
 * Dispose removes it all. `env` holds only what to add on top of a clean environment
 * (see toChildEnv), so callers decide how to pass it (execFile env, tmux -e).
 */
export interface ClaudeEnvOptions {
  /** ANTHROPIC_BASE_URL, usually the fake model's url. */
  readonly baseUrl: string;
  /** Contents of settings.json (hooks, statusLine, permissions, ...). */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly apiKey?: string;
  /** More trusted project dirs, created as <root>/<name> (for several sessions in distinct projects). */
  readonly extraProjects?: readonly string[];
}

export interface ClaudeEnv extends AsyncDisposable {
  readonly rootDir: string;
  readonly configDir: string;
  readonly projectDir: string;
  /** <root>/<name> for each of `extraProjects`. */
  projectDirOf(name: string): string;
  readonly env: Readonly<Record<string, string>>;
  /** $CLAUDE_CONFIG_DIR/sessions/<pid>.json: Claude Code's own live state for one process. */
  sessionsFilePath(pid: number): string;
  /** Parsed sessions file, or undefined while it does not exist (or is mid-write). */
  readSessionsFile(pid: number): Promise<unknown>;
  /** Folder holding this project's transcripts (<session id>.jsonl). */
  readonly transcriptsDir: string;
}

const FAKE_API_KEY = 'sk-ant-api03-atm-e2e-fake-key-0123456789abcdefghij';

export async function createClaudeEnv(options: ClaudeEnvOptions): Promise<ClaudeEnv> {
  // realpath: Claude Code keys trust by its real cwd, and macOS's tmpdir is a symlink.
  const rootDir = await realpath(await mkdtemp(join(tmpdir(), 'atm-claude-')));
  const configDir = join(rootDir, 'config');
  const projectDir = join(rootDir, 'project');
  const apiKey = options.apiKey ?? FAKE_API_KEY;
  // Claude Code's own scratch (task outputs, notes) goes to $CLAUDE_CODE_TMPDIR/claude-<uid>/;
  // keep it inside rootDir so dispose removes it too.
  const tmpDir = join(rootDir, 'tmp');
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  const extraDirs = (options.extraProjects ?? []).map((name) => join(rootDir, name));
  for (const dir of [projectDir, ...extraDirs]) await mkdir(dir, { recursive: true });
  await mkdir(tmpDir, { recursive: true, mode: 0o700 });
  await writeFile(
    join(configDir, '.claude.json'),
    JSON.stringify(toClaudeJson([projectDir, ...extraDirs], apiKey), null, 2),
  );
  await writeFile(join(configDir, 'settings.json'), JSON.stringify(toSettingsJson(options.settings ?? {}), null, 2));

  const sessionsFilePath = (pid: number): string => join(configDir, 'sessions', `${pid}.json`);
  return {
    rootDir,
    configDir,
    projectDir,
    projectDirOf(name) {
      const dir = join(rootDir, name);
      if (!extraDirs.includes(dir)) throw new Error(`${name} is not one of extraProjects`);
      return dir;
    },
    env: {
      CLAUDE_CONFIG_DIR: configDir,
      ANTHROPIC_BASE_URL: options.baseUrl,
      ANTHROPIC_API_KEY: apiKey,
      CLAUDE_CODE_TMPDIR: tmpDir,
      DISABLE_AUTOUPDATER: '1',
    },
    sessionsFilePath,
    async readSessionsFile(pid) {
      try {
        return JSON.parse(await readFile(sessionsFilePath(pid), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    transcriptsDir: join(configDir, 'projects', toProjectSlug(projectDir)),
    async [Symbol.asyncDispose]() {
      await rm(rootDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
