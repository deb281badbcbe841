import type { SessionId } from '../domain/ids.js';
import type { RegistryView } from '../domain/registry.js';
import type { SessionFact } from '../domain/session-fact.js';
import type { GitInfo } from '../integrations/git/git-branch-reader.js';

/**
 * Keeps each session's `branch` in step with the repository its cwd is in. Asked when a session
 * appears or moves, and on the periodic refresh (a `git switch` fires no hook); each directory
 * is read once per round however many sessions share it. What is read is a `git-read` fact for
 * the cwd it was read for: a session whose project directory no report has named yet (hooks carry
 * only the cwd) takes the repository's top directory, so a session working in `src/` still reads
 * as its project.
 */
export class GitBranches {
  readonly #registry: RegistryView;
  readonly #read: (dir: string) => Promise<GitInfo | null>;
  readonly #record: (fact: SessionFact) => void;
  /** The cwd each session's branch was last read for. */
  readonly #readFor = new Map<SessionId, string>();

  constructor(options: {
    registry: RegistryView;
    read: (dir: string) => Promise<GitInfo | null>;
    record: (fact: SessionFact) => void;
  }) {
    this.#registry = options.registry;
    this.#read = options.read;
    this.#record = options.record;
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
        this.#record({ type: 'git-read', id, cwd, branch: info?.branch ?? null, root: info?.root ?? null });
      }),
    );
  }
}
