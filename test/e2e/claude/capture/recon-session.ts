import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toChildEnv } from '../claude-config-seed.js';
import { createClaudeEnv, type ClaudeEnv } from '../claude-env.js';
import { startFakeModel, type FakeModel } from '../fake-model.js';
import type { FakeScript } from '../fake-model-script.js';
import { CAPTURE_HOOK_SCRIPT } from '../harness-paths.js';
import { pollUntil } from '../poll.js';
import { createTmuxServer, type PaneId, type TmuxServer } from '../tmux-driver.js';
import { toCaptureSettings } from './capture-settings.js';
import { readCaptures, type Capture } from './capture-reader.js';
import { watchSessionsFile, type SessionsWatcher } from './sessions-watcher.js';

/**
 * Everything one recon scenario needs around one real `claude`: fake model, seeded config dir
 * with capture hooks, capture dir, and (interactive) a private tmux pane plus a sessions-file
 * watcher. Records harness-side marks (keys sent, screen seen) on the same wall clock as the
 * hooks' own timestamps. Dispose tears down in reverse order: tmux, watcher, model, dirs.
 */
export interface Mark {
  readonly label: string;
  readonly atMs: number;
}

export interface CaptureWait {
  readonly afterMs: number;
  readonly where?: (capture: Capture) => boolean;
  readonly timeoutMs?: number;
}

export interface ReconBase {
  readonly model: FakeModel;
  readonly env: ClaudeEnv;
  readonly captureDir: string;
  readonly claudePath: string;
  readonly marks: Mark[];
  mark(label: string): void;
  captures(): Promise<Capture[]>;
  /**
   * First capture with this label that started at or after `afterMs` (and passes `where`).
   * Keyed on time, not on counts, so a capture that landed before the call is still found.
   */
  waitForCapture(label: string, options: CaptureWait): Promise<Capture>;
  /** Captured text kept for fixtures, by name: screens, sessions-file snapshots, transcript tails. */
  readonly saved: Map<string, string>;
  /** Clean environment for the claude process: inherited minus outer Claude/tmux, plus ours. */
  readonly childEnv: Readonly<Record<string, string>>;
}

export interface ReconOptions {
  readonly script: FakeScript;
  readonly claudePath: string;
  /** Extra `permissions.allow` rules for settings.json. */
  readonly allow?: readonly string[];
  /** Default true; false makes Claude Code wait for every capture hook. */
  readonly asyncHooks?: boolean;
  /** Leave the raw capture dir behind (its path goes to stderr), for digging into a run. */
  readonly keepCaptures?: boolean;
}

export async function createReconBase(options: ReconOptions): Promise<ReconBase & AsyncDisposable> {
  const { script, claudePath } = options;
  const captureDir = await realpath(await mkdtemp(join(tmpdir(), 'atm-cap-')));
  const model = await startFakeModel(script);
  const settings = toCaptureSettings(CAPTURE_HOOK_SCRIPT, captureDir, options.asyncHooks ?? true);
  const permissions = { defaultMode: 'default', allow: [...(options.allow ?? [])] };
  const env = await createClaudeEnv({ baseUrl: model.url, settings: { ...settings, permissions } });
  const marks: Mark[] = [];
  const captures = (): Promise<Capture[]> => readCaptures(captureDir);
  return {
    model,
    env,
    captureDir,
    claudePath,
    marks,
    mark: (label) => marks.push({ label, atMs: Date.now() }),
    captures,
    waitForCapture(label, { afterMs, where = () => true, timeoutMs = 20_000 }) {
      return pollUntil(async () => (await captures()).find((c) => c.label === label && c.atMs >= afterMs && where(c)), {
        timeoutMs,
        what: `a ${label} capture after ${new Date(afterMs).toISOString()}`,
      });
    },
    saved: new Map(),
    childEnv: toChildEnv(process.env, env.env),
    async [Symbol.asyncDispose]() {
      await model.close();
      await env[Symbol.asyncDispose]();
      if (options.keepCaptures === true) console.error(`kept capture dir ${captureDir}`);
      else await rm(captureDir, { recursive: true, force: true });
    },
  };
}

export interface InteractiveRecon extends ReconBase {
  readonly tmux: TmuxServer;
  readonly pane: PaneId;
  readonly claudePid: number;
  readonly sessions: SessionsWatcher;
  /** Type a prompt and press Enter; marks "submit:<text>". */
  submit(text: string): Promise<void>;
  /** Wait for the screen, mark "screen:<what>", and return it. */
  waitForScreen(expect: string | RegExp, what: string, timeoutMs?: number): Promise<string>;
  /** Save the sessions file's current text under sessions-file-<name>. */
  snapshotSessionsFile(name: string): Promise<void>;
}

/** Recon's own status line text, printed by capture-hook.sh: seeing it means the UI is up. */
export const RECON_STATUS_LINE = 'atm-recon statusline';

export async function startInteractiveRecon(options: ReconOptions): Promise<InteractiveRecon & AsyncDisposable> {
  const base = await createReconBase(options);
  const { claudePath } = options;
  const tmux = createTmuxServer(toChildEnv(process.env, {}), 'atm-recon');
  const pane = await tmux.newPane({ command: [claudePath], cwd: base.env.projectDir, env: base.env.env });
  base.mark('claude started');
  // tmux runs an argv command directly, so the pane's pid is claude's own pid.
  const claudePid = await pollUntil(() => tmux.panePid(pane), { timeoutMs: 5_000, what: 'pane pid' });
  const sessions = watchSessionsFile(base.env.sessionsFilePath(claudePid));
  const recon: InteractiveRecon & AsyncDisposable = {
    ...base,
    tmux,
    pane,
    claudePid,
    sessions,
    async submit(text) {
      await tmux.sendText(pane, text);
      await tmux.sendKeys(pane, 'Enter');
      base.mark(`submit:${text}`);
    },
    async waitForScreen(expect, what, timeoutMs = 20_000) {
      const screen = await tmux.waitForScreen(pane, expect, { timeoutMs, what });
      base.mark(`screen:${what}`);
      return screen;
    },
    async snapshotSessionsFile(name) {
      const text = await sessions.snapshot();
      base.saved.set(`sessions-file-${name}.json`, text ?? '<absent>');
    },
    async [Symbol.asyncDispose]() {
      await tmux.kill(); // returns once claude has exited, so its dirs can go
      await sessions.stop();
      await base[Symbol.asyncDispose]();
    },
  };
  await recon.waitForScreen(RECON_STATUS_LINE, 'prompt ready');
  return recon;
}
