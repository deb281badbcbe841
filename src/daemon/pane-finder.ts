import type { PaneId, SessionId } from '../domain/ids.js';
import type { RegistryView } from '../domain/registry.js';
import type { SessionFact } from '../domain/session-fact.js';
import type { SessionTransition } from '../domain/session-transition.js';
import type { SessionEntry } from '../domain/session-reducer.js';
import type { Logger } from '../platform/logger.js';
import { matchPaneByAncestry, matchPaneById, walkAncestry, type ListedPane, type PaneLister } from './pane-match.js';

export interface PaneFinderDeps {
  readonly registry: RegistryView;
  readonly lister: PaneLister;
  readonly parentPid: (pid: number) => Promise<number | null>;
  /** The tmux server a session reported from ($TMUX), null for the default server. */
  readonly serverOf: (id: SessionId) => string | null;
  /** The pane the agent's own files name for the session (its integration's reconciler), or null. */
  readonly paneHint: (entry: SessionEntry) => Promise<PaneId | null>;
  /** Records a fact; returns what it changed (null: nothing). */
  readonly record: (fact: SessionFact) => SessionTransition | null;
  readonly logger: Logger;
}

/** Tries per session and pid: the first report, then two refreshes (the agent's own files may come late). */
const MAX_ATTEMPTS = 3;

/**
 * Finds the pane of a session whose reports carry no $TMUX_PANE: the pane whose first process
 * is the agent or one of its ancestors, else the pane the agent's own files name (its integration's hint) if that
 * server has it. Names come from the same listing; TmuxNames keeps them current afterwards.
 * A session outside tmux costs at most MAX_ATTEMPTS listings, then is left alone.
 */
export class PaneFinder {
  readonly #deps: PaneFinderDeps;
  readonly #attempts = new Map<SessionId, { pid: number; count: number }>();
  readonly #inFlight = new Set<SessionId>();

  constructor(deps: PaneFinderDeps) {
    this.#deps = deps;
  }

  /** On a session's first report without a pane; later reports do not ask again. */
  noteSession(id: SessionId): void {
    const entry = this.#deps.registry.get(id);
    const pid = entry?.session.pid ?? null;
    if (entry === undefined || entry.session.tmux !== null || pid === null) return;
    if (this.#attempts.get(id)?.pid === pid) return;
    void this.#locateAll([entry]);
  }

  /** Every pane-less session with tries left (run before each names refresh). */
  locateAll(): Promise<void> {
    const due = this.#deps.registry.entries().filter((entry) => {
      const { id, pid, tmux } = entry.session;
      const tried = this.#attempts.get(id);
      return tmux === null && pid !== null && (tried?.pid !== pid || tried.count < MAX_ATTEMPTS);
    });
    return this.#locateAll(due);
  }

  forget(id: SessionId): void {
    this.#attempts.delete(id);
  }

  async #locateAll(entries: readonly SessionEntry[]): Promise<void> {
    const listings = new Map<string | null, Promise<readonly ListedPane[] | null>>();
    const listing = (server: string | null): Promise<readonly ListedPane[] | null> => {
      let found = listings.get(server);
      if (found === undefined) {
        found = this.#deps.lister.list(server).catch((error: unknown) => {
          this.#deps.logger.debug('cannot list tmux panes', { server, error: String(error) });
          return null;
        });
        listings.set(server, found);
      }
      return found;
    };
    for (const entry of entries) {
      const { id } = entry.session;
      if (this.#inFlight.has(id)) continue;
      this.#inFlight.add(id);
      try {
        await this.#locate(entry, listing);
      } catch (error) {
        this.#deps.logger.debug('cannot find the pane of a session', { sessionId: id, error: String(error) });
      } finally {
        this.#inFlight.delete(id);
      }
    }
  }

  async #locate(
    entry: SessionEntry,
    listing: (server: string | null) => Promise<readonly ListedPane[] | null>,
  ): Promise<void> {
    const { id, pid } = entry.session;
    if (pid === null) return;
    const tried = this.#attempts.get(id);
    this.#attempts.set(id, { pid, count: tried?.pid === pid ? tried.count + 1 : 1 });
    const server = this.#deps.serverOf(id);
    const panes = await listing(server);
    if (panes === null) return;
    const ancestry = await walkAncestry(pid, this.#deps.parentPid);
    let found = matchPaneByAncestry(ancestry, panes);
    if (found === null) found = matchPaneById(await this.#deps.paneHint(entry), panes);
    if (found === null) {
      this.#deps.logger.debug('no tmux pane holds this session', {
        sessionId: id,
        pid,
        attempt: this.#attempts.get(id)?.count,
      });
      return;
    }
    const { pane, session, window } = found;
    const change = this.#deps.record({ type: 'pane-located', id, pid, tmux: { pane, session, window, server } });
    if (change === null) return;
    this.#deps.logger.info('found the tmux pane of a session without $TMUX_PANE', { sessionId: id, pane, pid });
  }
}
