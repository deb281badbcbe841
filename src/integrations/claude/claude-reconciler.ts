import type { PaneId, SessionId } from '../../domain/ids.js';
import type { SessionEntry } from '../../domain/session-reducer.js';
import type { DirWatcher } from '../../platform/dir-watcher.js';
import { FileGenerations } from '../../platform/file-generations.js';
import type { AgentReconciler, ReconcilerDeps } from '../agent-integration.js';
import { reconcileSession, type ReconcileInput } from './reconcile-rules.js';
import { SessionsFileCache, toConfigDirCandidates } from './sessions-file-reader.js';
import { toConfigDirFromTranscript, toSessionsFilePane, type SessionsFile } from './sessions-file.js';
import { readTranscriptEndOf } from './transcript-end-reader.js';
import { sameStamp, stampFile, type FileStamp } from './transcript-reader.js';
import type { TranscriptEnd } from './transcript-tail.js';

export interface ClaudeReconcilerDeps extends ReconcilerDeps {
  /** atmd's own Claude config dir ($CLAUDE_CONFIG_DIR, else ~/.claude); null: only what transcripts show. */
  readonly defaultConfigDir: string | null;
  /**
   * Tells when Claude's files change, so unchanged ones are not read again each round;
   * null reads every file every round.
   */
  readonly dirWatcher: DirWatcher | null;
  /** How often a directory that cannot be watched is read again; UNWATCHED_POLL_MS unless given (tests). */
  readonly unwatchedPollMs?: number;
}

/**
 * Where a directory cannot be watched, its files are read every this often instead: slower than
 * a read every round, and still, with the 1 s round, inside the 3 s an Esc may take to show.
 */
export const UNWATCHED_POLL_MS = 1_500;

/** What was learned about one session's files, so an unchanged transcript is not read again. */
interface Memo {
  readonly pid: number;
  /** Where the sessions file was last found: a session may run with its own CLAUDE_CONFIG_DIR. */
  configDir: string | null;
  transcriptPath: string | null;
  /** The transcript's generation when it was last looked at (see FileGenerations). */
  generation: number | null;
  stamp: FileStamp | null;
  end: TranscriptEnd | null;
}

/** Sessions reconciled at once: each costs a couple of small reads on libuv's thread pool. */
const CONCURRENCY = 8;

/**
 * Runs the reconciliation rules (src/integrations/claude/reconcile-rules.ts) for every session
 * that is working or waiting, on the liveness tick. With a dir watcher a file is read only after
 * an event says it changed (its sessions file, its transcript), so an idle round reads nothing;
 * without one every round reads each sessions file and stats each transcript. Reads are bounded
 * (only the tail of a changed transcript) and nothing here throws: a file that cannot be read
 * is a witness that says nothing.
 */
export class ClaudeReconciler implements AgentReconciler {
  readonly #deps: ClaudeReconcilerDeps;
  readonly #memos = new Map<SessionId, Memo>();
  readonly #files: FileGenerations | null;
  readonly #sessionsFiles: SessionsFileCache;
  #running = false;

  constructor(deps: ClaudeReconcilerDeps) {
    this.#deps = deps;
    this.#files =
      deps.dirWatcher === null
        ? null
        : new FileGenerations({
            watcher: deps.dirWatcher,
            logger: deps.logger,
            now: deps.now,
            pollIntervalMs: deps.unwatchedPollMs ?? UNWATCHED_POLL_MS,
          });
    this.#sessionsFiles = new SessionsFileCache(this.#files);
  }

  /** Stops watching Claude's directories. */
  close(): void {
    this.#files?.close();
  }

  /** One round; a round still running makes this one a no-op. */
  async run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      const entries = this.#deps.registry.entries();
      const ids = new Set(entries.map((entry) => entry.session.id));
      for (const id of this.#memos.keys()) if (!ids.has(id)) this.#memos.delete(id);
      const due = entries.filter((entry) => entry.session.status !== 'idle' && entry.session.pid !== null);
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let entry = due[next++]; entry !== undefined; entry = due[next++]) await this.#reconcileOne(entry);
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
      this.#sessionsFiles.endRound();
    } finally {
      this.#running = false;
    }
  }

  /** The pane Claude's sessions file names (its `tmux` field), for a session reported without $TMUX_PANE. */
  async paneHint(entry: SessionEntry): Promise<PaneId | null> {
    return toSessionsFilePane((await this.sessionsFileFor(entry))?.tmux);
  }

  /** The session's sessions file, looked up where it was last found first (for the tmux field). */
  async sessionsFileFor(entry: SessionEntry): Promise<SessionsFile | null> {
    const pid = entry.session.pid;
    if (pid === null) return null;
    const memo = this.#memo(entry.session.id, pid);
    const found = await this.#sessionsFiles.find(this.#configDirs(memo, entry), pid).catch(() => null);
    if (found !== null) memo.configDir = found.configDir;
    return found?.file ?? null;
  }

  async #reconcileOne(entry: SessionEntry): Promise<void> {
    const { id, pid } = entry.session;
    try {
      const sessionsFile = await this.sessionsFileFor(entry);
      const transcript = await this.#transcript(this.#memo(id, pid ?? 0), entry.transcriptPath);
      // The registry may have moved on while we read: judge the entry as it is now.
      const current = this.#deps.registry.get(id);
      if (current === undefined || current.session.pid !== pid) return;
      const input: ReconcileInput = { entry: current, sessionsFile, transcript, nowMs: this.#deps.now() };
      const result = reconcileSession(input);
      if (result === null) return;
      this.#deps.logger.info('session status reconciled', {
        sessionId: id,
        from: current.session.status,
        change: result.change.type,
        source: result.source,
      });
      this.#deps.apply({
        sessionId: id,
        agent: current.session.agent,
        at: result.at,
        pid: null,
        pane: null,
        cwd: null,
        projectDir: null,
        transcriptPath: null,
        change: result.change,
      });
    } catch (error) {
      this.#deps.logger.debug('cannot reconcile a session', { sessionId: id, error: String(error) });
    }
  }

  async #transcript(memo: Memo, path: string | null): Promise<ReconcileInput['transcript']> {
    if (path === null || !path.startsWith('/')) return null;
    // Unchanged since last looked at (no event for it): what was learned then still holds.
    const generation = this.#files?.generation(path) ?? null;
    if (generation === null || memo.transcriptPath !== path || memo.generation !== generation) {
      memo.generation = generation;
      const stamp = await stampFile(path);
      if (stamp === null) {
        Object.assign(memo, { transcriptPath: path, stamp: null, end: null });
        return null;
      }
      if (memo.transcriptPath !== path || !sameStamp(memo.stamp, stamp) || memo.end === null) {
        const read = await readTranscriptEndOf(path);
        memo.transcriptPath = path;
        memo.stamp = read?.stamp ?? null;
        memo.end = read?.end ?? null;
      }
    }
    const end = memo.end;
    if (end === null || memo.stamp === null) return null;
    return { interrupt: end.kind === 'interrupted' ? end.interrupt : null, modifiedAtMs: memo.stamp.mtimeMs };
  }

  #memo(id: SessionId, pid: number): Memo {
    const known = this.#memos.get(id);
    if (known !== undefined && known.pid === pid) return known;
    const memo: Memo = { pid, configDir: null, transcriptPath: null, generation: null, stamp: null, end: null };
    this.#memos.set(id, memo);
    return memo;
  }

  /**
   * The session's own config dir (from its transcript path) always comes first: a dir remembered
   * from an earlier round only helps sessions without a transcript path, and must not let a file
   * found elsewhere before the session's own was written shadow it for good.
   */
  #configDirs(memo: Memo, entry: SessionEntry): string[] {
    return toConfigDirCandidates(
      toConfigDirFromTranscript(entry.transcriptPath),
      memo.configDir,
      this.#deps.defaultConfigDir,
    );
  }
}
