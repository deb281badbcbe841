import type { SessionId } from '../domain/ids.js';
import type { Registry } from '../domain/registry.js';
import type { SessionTransition } from '../domain/session-transition.js';
import { toProjectName, type SessionEntry } from '../domain/session-reducer.js';
import type { GitInfo } from '../integrations/git/git-branch-reader.js';

/**
 * Keeps each session's `branch` in step with the repository its cwd is in. Asked when a session
 * appears or moves, and on the periodic refresh (a `git switch` fires no hook); each directory
 * is read once per round however many sessions share it. A session whose project directory no
 * report has named yet (hooks carry only the cwd) takes the repository's top directory, so a
 * session working in `src/` still reads as its project.
 */
export class GitBranches {
  readonly #registry: Registry;
  readonly #read: (dir: string) => Promise<GitInfo | null>;
  readonly #changed: (change: SessionTransition) => void;
  /** The cwd each session's branch was last read for. */
  readonly #readFor = new Map<SessionId, string>();

  constructor(options: {
    registry: Registry;
    read: (dir: string) => Promise<GitInfo | null>;
    changed: (change: SessionTransition) => void;
  }) {
    this.#registry = options.registry;
    this.#read = options.read;
    this.#changed = options.changed;
  }

  /** After a report: read the branch if the session is new here or changed directory. */
  noteSession(id: SessionId): void {
    const cwd = this.#registry.get(id)?.session.cwd ?? null;
    if (cwd === null || this.#readFor.get(id) === cwd) return;
    this.#readFor.set(id, cwd);
    void this.#refresh([id]);
  }

  forget(id: SessionId): void {
    this.#readFor.delete(id);
  }

  refreshAll(): Promise<void> {
    return this.#refresh(this.#registry.entries().map((entry) => entry.session.id));
  }

  async #refresh(ids: readonly SessionId[]): Promise<void> {
    const byDir = new Map<string, Promise<GitInfo | null>>();
    await Promise.all(
      ids.map(async (id) => {
        const cwd = this.#registry.get(id)?.session.cwd ?? null;
        if (cwd === null) return;
        let pending = byDir.get(cwd);
        if (pending === undefined) {
          pending = this.#read(cwd).catch(() => null);
          byDir.set(cwd, pending);
        }
        const info = await pending;
        const change = this.#registry.update(id, (entry) => (entry.session.cwd === cwd ? withGit(entry, info) : entry));
        if (change !== null) this.#changed(change);
      }),
    );
  }
}

function withGit(entry: SessionEntry, info: GitInfo | null): SessionEntry {
  const branch = info?.branch ?? null;
  const projectDir = entry.session.projectDir ?? info?.root ?? null;
  if (entry.session.branch === branch && entry.session.projectDir === projectDir) return entry;
  return {
    ...entry,
    session: { ...entry.session, branch, projectDir, project: toProjectName(projectDir ?? entry.session.cwd) },
  };
}
