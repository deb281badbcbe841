import type { PaneId, SessionId } from '../domain/ids.js';
import type { RegistryView } from '../domain/registry.js';
import type { SessionFact } from '../domain/session-fact.js';
import type { Logger } from '../platform/logger.js';
import type { TmuxProbe } from './daemon-ports.js';
import { toTmuxServer } from '../integrations/tmux/tmux-env.js';

/**
 * Keeps each session's tmux session and window names current. The pane id comes with every
 * report ($TMUX_PANE); the names are asked of the tmux server the report came from ($TMUX),
 * once per server per refresh, so panes moved between windows show up within one refresh.
 */
export class TmuxNames {
  readonly #probe: TmuxProbe | null;
  readonly #registry: RegistryView;
  readonly #record: (fact: SessionFact) => void;
  readonly #logger: Logger;
  /** tmux server socket per session (null: the default server). */
  readonly #servers = new Map<SessionId, string | null>();
  #running: Promise<void> | null = null;
  #again: Promise<void> | null = null;
  /** Panes already asked about once; a pane tmux does not list waits for the periodic refresh. */
  readonly #asked = new Map<SessionId, PaneId>();

  constructor(probe: TmuxProbe | null, registry: RegistryView, record: (fact: SessionFact) => void, logger: Logger) {
    this.#probe = probe;
    this.#registry = registry;
    this.#record = record;
    this.#logger = logger;
  }

  /** Remembers which server a session reports from; asks for names when they are not known yet. */
  noteReporter(id: SessionId, tmuxEnv: string | null): void {
    const server = toTmuxServer(tmuxEnv);
    if (server !== null) this.#servers.set(id, server);
    else if (!this.#servers.has(id)) this.#servers.set(id, null);
    const tmux = this.#registry.get(id)?.session.tmux;
    if (tmux == null || tmux.session !== null || this.#asked.get(id) === tmux.pane) return;
    // Ask at once for a pane we have not asked about, but only once: a report for a pane tmux
    // does not know (another server, gone) must not start a list-panes on every hook.
    this.#asked.set(id, tmux.pane);
    void this.refreshAll();
  }

  forget(id: SessionId): void {
    this.#servers.delete(id);
    this.#asked.delete(id);
  }

  /** The tmux server socket a session reported from; null means the default server. */
  serverOf(id: SessionId): string | null {
    return this.#servers.get(id) ?? null;
  }

  /**
   * One `list-panes` per tmux server in use. A call during a run asks for one more run after
   * it (a session that arrived meanwhile would otherwise wait for the next 5 s refresh);
   * any number of such calls share that one follow-up.
   */
  refreshAll(): Promise<void> {
    const probe = this.#probe;
    if (probe === null) return Promise.resolve();
    if (this.#running !== null) {
      this.#again ??= this.#running.then(() => {
        this.#again = null;
        return this.refreshAll();
      });
      return this.#again;
    }
    this.#running = this.#refresh(probe).finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #refresh(probe: TmuxProbe): Promise<void> {
    const byServer = new Map<string | null, { id: SessionId; pane: PaneId }[]>();
    for (const entry of this.#registry.entries()) {
      const pane = entry.session.tmux?.pane;
      if (pane === undefined) continue;
      // A session knows its server (tmux.server) unless it never reported one: then it is the
      // default server if it reported since start, and unknown if it was only restored from disk
      // (asking the default server would wipe its saved names; its next report tells us).
      const known = entry.session.tmux?.server ?? null;
      if (known === null && !this.#servers.has(entry.session.id)) continue;
      const server = known ?? this.#servers.get(entry.session.id) ?? null;
      const list = byServer.get(server) ?? [];
      list.push({ id: entry.session.id, pane });
      byServer.set(server, list);
    }
    for (const [server, items] of byServer) {
      try {
        const names = await probe.paneNames(
          server,
          items.map((item) => item.pane),
        );
        for (const { id, pane } of items) {
          const found = names.get(pane);
          this.#record({
            type: 'tmux-names',
            id,
            pane,
            server,
            session: found?.session ?? null,
            window: found?.window ?? null,
          });
        }
      } catch (error) {
        this.#logger.debug('cannot ask tmux for pane names', { server, error: String(error) });
      }
    }
  }
}
