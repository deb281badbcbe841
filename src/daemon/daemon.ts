import type { Duplex } from 'node:stream';
import type { SessionId } from '../domain/ids.js';
import { Registry } from '../domain/registry.js';
import type { SessionEvent } from '../domain/session-event.js';
import type { SessionFact } from '../domain/session-fact.js';
import type { Session } from '../domain/session.js';
import type { DaemonConfig } from '../platform/config-schema.js';
import type { Logger } from '../platform/logger.js';
import { handleConnection, type ConnectionHost, type ConnectionState } from './connection.js';

/** How long a stopping atmd waits for reports it has accepted to arrive in full and be saved. */
const DRAIN_TIMEOUT_MS = 3_000;
import { GitBranches } from './git-branches.js';
import type { GitInfo } from '../integrations/git/git-branch-reader.js';
import type { ProcessProbe, TmuxProbe } from './daemon-ports.js';
import type { RegistryObserver, SessionTransition } from './registry-observer.js';
import { DeliveredReports, type DeliveryClaim } from './delivered-reports.js';
import { ingestReport, type IngestResult, type Reporter } from './ingest.js';
import { LivenessWatch } from './liveness-watch.js';
import { PaneFinder } from './pane-finder.js';
import type { PaneLister } from './pane-match.js';
import { RegistryStore } from './registry-store.js';
import type { AgentIntegration, AgentReconciler } from '../integrations/agent-integration.js';
import { SubscriberHub } from './subscriber-hub.js';
import { TmuxNames } from './tmux-names.js';

export interface DaemonDeps {
  readonly config: DaemonConfig;
  readonly logger: Logger;
  readonly now: () => number;
  readonly version: string;
  /** Where the registry is saved; null keeps it in memory only. */
  readonly stateFile: string | null;
  readonly processes: ProcessProbe;
  readonly tmux: TmuxProbe | null;
  /** The git branch checked out in a directory; absent: sessions show no branch. */
  readonly gitBranch?: (dir: string) => Promise<GitInfo | null>;
  /**
   * The agent CLIs atmd reads, each behind the agent port (src/integrations/agent-integration.ts),
   * registered by the composition root; the first reads envelopes that name no agent.
   */
  readonly agents: readonly AgentIntegration[];
  /** Finding the pane of a session reported without $TMUX_PANE; absent: such sessions get no pane. */
  readonly panes?: { readonly lister: PaneLister; readonly parentPid: (pid: number) => Promise<number | null> } | null;
  /**
   * Told of every registry change, in this order, after the daemon's own subscribers and
   * persistence (which are observers on the same list); closed in the same order at shutdown.
   */
  readonly observers?: readonly RegistryObserver[];
}

/**
 * atmd's state and behaviour, without the listening socket: tests and the real entry point
 * both hand it accepted connections. Every timer it starts is stopped by `close()`.
 */
export class Daemon implements ConnectionHost {
  readonly registry: Registry;
  readonly logger: Logger;
  readonly #deps: DaemonDeps;
  readonly #subscribers: SubscriberHub;
  readonly #store: RegistryStore;
  /** Reports applied lately, by id: a copy sent again is acked, not applied twice. */
  readonly #delivered: DeliveredReports;
  readonly #connections = new Map<Duplex, ConnectionState>();
  readonly #timers: ReturnType<typeof setInterval>[] = [];
  readonly #tmuxNames: TmuxNames;
  /** Each agent's reconciler, by agent kind. */
  readonly #reconcilers = new Map<string, AgentReconciler>();
  readonly #paneFinder: PaneFinder | null;
  readonly #branches: GitBranches | null;
  readonly #liveness: LivenessWatch;
  /** Everyone told of a change, in order: subscribers, persistence, then the injected ones. */
  readonly #observers: readonly RegistryObserver[];
  #closed = false;

  constructor(deps: DaemonDeps) {
    this.#deps = deps;
    this.logger = deps.logger;
    this.registry = new Registry({ maxSessions: deps.config.maxSessions });
    this.#subscribers = new SubscriberHub({
      maxSubscribers: deps.config.maxSubscribers,
      maxQueued: deps.config.maxQueuedMessages,
      maxUpdatesPerSecond: deps.config.maxUpdatesPerSecond,
      now: deps.now,
      sessions: () => this.sessions(),
      logger: deps.logger,
    });
    this.#liveness = new LivenessWatch({
      registry: this.registry,
      processes: deps.processes,
      logger: deps.logger,
      record: (fact) => this.#record(fact),
    });
    this.#delivered = new DeliveredReports({ now: deps.now });
    this.#store = new RegistryStore({
      file: deps.stateFile,
      registry: this.registry,
      logger: deps.logger,
      debounceMs: deps.config.persistDebounceMs,
      delivered: this.#delivered,
    });
    this.#observers = [this.#subscribers, this.#store, ...(deps.observers ?? [])];
    this.#branches =
      deps.gitBranch === undefined
        ? null
        : new GitBranches({
            registry: this.registry,
            read: deps.gitBranch,
            record: (fact) => this.#record(fact),
          });
    this.#tmuxNames = new TmuxNames(deps.tmux, this.registry, (fact) => this.#record(fact), deps.logger);
    for (const agent of deps.agents) {
      const reconciler = agent.createReconciler?.({
        registry: this.registry,
        now: deps.now,
        logger: deps.logger,
        apply: (event) => {
          if (!this.#closed) this.#apply(event, { kind: 'hook', ts: event.at });
        },
      });
      if (reconciler !== undefined) this.#reconcilers.set(agent.kind, reconciler);
    }
    const panes = deps.panes ?? null;
    this.#paneFinder =
      panes === null
        ? null
        : new PaneFinder({
            registry: this.registry,
            ...panes,
            serverOf: (id) => this.#tmuxNames.serverOf(id),
            paneHint: (entry) => this.#reconcilers.get(entry.session.agent)?.paneHint(entry) ?? Promise.resolve(null),
            record: (fact) => this.#record(fact),
            logger: deps.logger,
          });
  }

  get maxLineBytes(): number {
    return this.#deps.config.maxLineBytes;
  }
  get maxWriteBufferBytes(): number {
    return this.#deps.config.maxWriteBufferBytes;
  }
  get oneShotTimeoutMs(): number {
    return this.#deps.config.oneShotTimeoutMs;
  }
  get daemonVersion(): string {
    return this.#deps.version;
  }

  /** Restores saved sessions (dropping dead agents) and starts the periodic checks. */
  async start(): Promise<void> {
    const { config, stateFile } = this.#deps;
    if (stateFile !== null) {
      // Restored entries go through the reducer like any change, but observers are not told:
      // they are the state the last atmd already told its observers about.
      const { invalid, cut } = await this.#store.restore(
        (entry) => this.registry.record({ type: 'restored', id: entry.session.id, entry }).type === 'applied',
      );
      if (cut > 0)
        this.logger.warn('saved sessions beyond daemon.maxSessions were not restored', {
          cut,
          maxSessions: config.maxSessions,
        });
      const removed = await this.#liveness.run();
      this.logger.info('restored sessions', { restored: this.registry.size, dead: removed, invalid, cut });
    }
    this.#every(config.livenessIntervalMs, () => void this.#liveness.run());
    for (const reconciler of this.#reconcilers.values())
      this.#every(config.livenessIntervalMs, () => void reconciler.run());
    this.#every(config.rssLogIntervalMs, () => this.#logMemory());
    this.#every(5_000, () => void this.#refreshPanes());
    this.#every(5_000, () => void this.#branches?.refreshAll());
    void this.#tmuxNames.refreshAll();
  }

  /** One liveness pass now (the timer runs one every `livenessIntervalMs`); resolves how many it removed. */
  runLivenessPass(): Promise<number> {
    return this.#liveness.run();
  }

  accept(socket: Duplex): void {
    if (this.#closed) {
      socket.destroy();
      return;
    }
    socket.on('close', () => this.#connections.delete(socket));
    this.#connections.set(socket, handleConnection(socket, this));
  }

  sessions(): Session[] {
    return this.registry.sessions();
  }

  subscribe(socket: Duplex): { ok: true } | { ok: false; message: string } {
    return this.#subscribers.add(socket);
  }

  unsubscribe(socket: Duplex): void {
    this.#subscribers.remove(socket);
  }

  /**
   * Applies one report. With `reportId` (a one-shot hook report that names itself), a copy of a
   * report already applied is answered as a success and applied no second time; a copy that
   * arrives while the first is still being handled waits for it.
   */
  async ingest(reporter: Reporter, payload: unknown, reportId?: string): Promise<IngestResult> {
    if (reportId === undefined) return this.#ingest(reporter, payload, null);
    for (;;) {
      const claimed = this.#delivered.claim(reportId);
      if (claimed.type === 'new') {
        const { claim } = claimed;
        try {
          const result = await this.#ingest(reporter, payload, claim);
          claim.done();
          return result;
        } catch (error) {
          claim.abandon();
          throw error;
        }
      }
      if (claimed.type === 'duplicate') {
        this.logger.debug('a report sent again was not applied twice', { reportId });
        return { ok: true, statusLine: null, session: null, duplicate: true };
      }
      await claimed.settled;
    }
  }

  #ingest(reporter: Reporter, payload: unknown, claim: DeliveryClaim | null): Promise<IngestResult> {
    return ingestReport(
      {
        resolveAgentPid: (r) => this.#resolveAgentPid(r),
        apply: (event, r) => {
          const outcome = this.#apply(event, r);
          // In the same turn as the change: a save that holds it holds the id too.
          if (outcome.type === 'applied') claim?.applied();
          return outcome;
        },
        current: (event) => this.registry.get(event.sessionId)?.session ?? null,
        now: this.#deps.now,
        agents: this.#deps.agents,
      },
      reporter,
      payload,
    );
  }

  saved(): Promise<void> {
    return this.#store.save();
  }

  /**
   * Stops taking new work, finishes what it has accepted, saves the registry and ends every
   * connection. The caller has stopped the listener first; a report already accepted is not
   * dropped: its connection gets up to DRAIN_TIMEOUT_MS to send the rest, be applied, saved and
   * acknowledged. Sessions (dashboards, `atm list`) are simply ended.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#liveness.stop();
    for (const timer of this.#timers) clearInterval(timer);
    for (const reconciler of this.#reconcilers.values()) reconciler.close?.();
    await this.#drain();
    this.#subscribers.flush(); // before the sockets end: subscribers see every change
    for (const socket of this.#connections.keys()) socket.end();
    for (const observer of this.#observers) {
      try {
        await observer.close?.();
      } catch (error) {
        this.logger.error('an observer failed to close', { observer: observer.name, error: String(error) });
      }
    }
    for (const socket of this.#connections.keys()) socket.destroy();
  }

  async #drain(): Promise<void> {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    const ended = new Set<Duplex>();
    for (;;) {
      let reports = 0;
      for (const [socket, state] of this.#connections) {
        if (!state.isSession) reports += 1;
        else if (!ended.has(socket)) {
          ended.add(socket);
          socket.end();
        }
      }
      if (reports === 0 || Date.now() >= deadline) {
        if (reports > 0) this.logger.warn('stopping with reports still unfinished', { connections: reports });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  #apply(event: SessionEvent, reporter: Reporter) {
    const outcome = this.registry.apply(event, this.#deps.now());
    if (outcome.type === 'refused') {
      this.logger.error('session refused: the session limit is reached', {
        sessionId: event.sessionId,
        limit: outcome.limit,
      });
      return outcome;
    }
    if (outcome.transition !== null) {
      this.#changed(outcome.transition);
      if (outcome.transition.after !== null) this.#afterUpsert(event.sessionId, reporter);
      else this.#forget(event.sessionId);
    }
    return outcome;
  }

  #afterUpsert(id: SessionId, reporter: Reporter): void {
    const entry = this.registry.get(id);
    if (entry === undefined) return;
    this.#tmuxNames.noteReporter(id, reporter.tmux ?? null);
    this.#paneFinder?.noteSession(id);
    this.#branches?.noteSession(id);
    const pid = entry.session.pid;
    if (pid !== null && entry.pidStart === null) {
      // A probe that fails (EACCES on /proc, `ps` timing out) only leaves the start time unknown:
      // the next liveness pass asks again.
      this.#deps.processes.startTime(pid).then(
        (startTime) => {
          if (startTime !== null) this.#record({ type: 'pid-started', id, pid, startTime });
        },
        (error: unknown) =>
          this.logger.debug('cannot read the start time of an agent', { sessionId: id, pid, error: String(error) }),
      );
    }
  }

  async #resolveAgentPid(reporter: Reporter): Promise<number | null> {
    if (reporter.agentPid != null) return reporter.agentPid;
    if (reporter.ppid == null) return null;
    try {
      return await this.#deps.processes.resolveAgentPid(reporter.ppid);
    } catch {
      return reporter.ppid;
    }
  }

  /** Pane-less sessions first, so a pane found now gets its names refreshed in the same round. */
  async #refreshPanes(): Promise<void> {
    await this.#paneFinder?.locateAll();
    await this.#tmuxNames.refreshAll();
  }

  #forget(id: SessionId): void {
    this.#branches?.forget(id);
    this.#tmuxNames.forget(id);
    this.#paneFinder?.forget(id);
  }

  /**
   * What the daemon found out, through the registry's reducer; observers are told of what it
   * changed. After close() nothing more is recorded (a probe may still answer late).
   */
  #record(fact: SessionFact): SessionTransition | null {
    if (this.#closed) return null;
    const outcome = this.registry.record(fact);
    const transition = outcome.type === 'applied' ? outcome.transition : null;
    if (transition === null) return null;
    this.#changed(transition);
    if (transition.after === null) this.#forget(fact.id);
    return transition;
  }

  /** The one place observers hear of a change. One that throws (a bug) costs only its own turn. */
  #changed(transition: SessionTransition): void {
    for (const observer of this.#observers) {
      try {
        observer.observe(transition);
      } catch (error) {
        this.logger.error('an observer failed', { observer: observer.name, error: String(error) });
      }
    }
  }

  #logMemory(): void {
    const rssMb = Math.round((process.memoryUsage.rss() / 1024 / 1024) * 10) / 10;
    const fields = { rssMb, sessions: this.registry.size, subscribers: this.#subscribers.size };
    if (rssMb > this.#deps.config.rssWarnMb)
      this.logger.warn('memory above the warning threshold', { ...fields, rssWarnMb: this.#deps.config.rssWarnMb });
    else this.logger.info('memory', fields);
  }

  #every(intervalMs: number, run: () => void): void {
    const timer = setInterval(run, intervalMs);
    timer.unref();
    this.#timers.push(timer);
  }
}
