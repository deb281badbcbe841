import { assertNever } from '../shared/assert-never.js';
import type { SessionEvent } from './session-event.js';
import { LOCAL_HOST, type Model, type Session, type TmuxLocation } from './session.js';

/** A session plus what the daemon needs to order events and check liveness; never sent as is. */
export interface SessionEntry {
  readonly session: Session;
  /** `at` of the last event that was allowed to set the status. */
  readonly statusAt: number;
  /** `at` of the last metrics report applied. */
  readonly metricsAt: number;
  /** Start time of `session.pid`, so a reused pid is not mistaken for the agent. Filled by the daemon. */
  readonly pidStart: string | null;
  readonly transcriptPath: string | null;
  /** Subagents running now, by id, when the agent names them (absent: counted without ids). */
  readonly subagentIds?: readonly string[];
  /** Subagents whose stop arrived before their start (hooks race): their start must not count. */
  readonly earlyStops?: readonly string[];
}

/** How many subagent ids an entry remembers, so a flood of unpaired ones stays bounded. */
const MAX_SUBAGENT_IDS = 64;

const without = (list: readonly string[], item: string): string[] => list.filter((x) => x !== item);
const bounded = (list: readonly string[], item: string): string[] => [...list, item].slice(-MAX_SUBAGENT_IDS);

/**
 * Counts subagents. With ids, a start and a stop pair up in either order: a stop that overtook
 * its start is remembered, and that start then counts nothing. Without ids, a plain count that
 * never goes below 0.
 */
function countSubagents(
  entry: SessionEntry,
  change: { type: 'subagent-started' | 'subagent-stopped'; agentId?: string | null },
): SessionEntry {
  const s = entry.session;
  const id = change.agentId ?? null;
  if (id === null) {
    const delta = change.type === 'subagent-started' ? 1 : -1;
    return { ...entry, session: { ...s, subagents: Math.max(0, s.subagents + delta) } };
  }
  let running = entry.subagentIds ?? [];
  let early = entry.earlyStops ?? [];
  let subagents = s.subagents;
  if (change.type === 'subagent-started') {
    if (early.includes(id)) early = without(early, id);
    else if (!running.includes(id)) {
      running = bounded(running, id);
      subagents += 1;
    }
  } else if (running.includes(id)) {
    running = without(running, id);
    subagents = Math.max(0, subagents - 1);
  } else if (!early.includes(id)) early = bounded(early, id);
  return { ...entry, subagentIds: running, earlyStops: early, session: { ...s, subagents } };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The short display name of a project: the last segment of its directory. */
export function toProjectName(dir: string | null): string {
  if (dir === null) return '?';
  const parts = dir.split(/[\\/]/).filter((part) => part.length > 0);
  return parts.at(-1) ?? dir;
}

function newEntry(event: SessionEvent): SessionEntry {
  const dir = event.projectDir ?? event.cwd;
  return {
    session: {
      id: event.sessionId,
      agent: event.agent,
      status: 'idle',
      waitingFor: null,
      tool: null,
      model: null,
      context: null,
      cost: null,
      cwd: event.cwd,
      projectDir: event.projectDir,
      project: toProjectName(dir),
      branch: null,
      pid: event.pid,
      tmux:
        event.pane === null
          ? null
          : { pane: event.pane, session: null, window: null, server: event.tmuxServer ?? null },
      startedAt: iso(event.at),
      lastEventAt: iso(event.at),
      subagents: 0,
      host: LOCAL_HOST,
    },
    statusAt: Number.NEGATIVE_INFINITY,
    metricsAt: Number.NEGATIVE_INFINITY,
    pidStart: null,
    transcriptPath: event.transcriptPath,
  };
}

/**
 * Where the report says the agent runs. Pane ids are per tmux server, so a new pane or a new
 * server makes the names unknown until tmux is asked again; a report that names no server
 * keeps the one known for the same pane.
 */
function toReportedTmux(known: TmuxLocation | null, event: SessionEvent): TmuxLocation | null {
  if (event.pane === null) return known;
  const server = event.tmuxServer ?? null;
  if (known !== null && known.pane === event.pane && (server === null || server === known.server)) return known;
  const keptServer = known !== null && known.pane === event.pane ? known.server : null;
  return { pane: event.pane, session: null, window: null, server: server ?? keptServer };
}

/** Facts every event may refresh: where the agent runs and when we last heard of it. */
function refreshIdentity(entry: SessionEntry, event: SessionEvent): SessionEntry {
  const s = entry.session;
  const cwd = event.cwd ?? s.cwd;
  const projectDir = event.projectDir ?? s.projectDir;
  const pidChanged = event.pid !== null && event.pid !== s.pid;
  const tmux = toReportedTmux(s.tmux, event);
  const lastMs = Math.max(Date.parse(s.lastEventAt), event.at);
  return {
    ...entry,
    pidStart: pidChanged ? null : entry.pidStart,
    transcriptPath: event.transcriptPath ?? entry.transcriptPath,
    session: {
      ...s,
      cwd,
      projectDir,
      project: toProjectName(projectDir ?? cwd),
      pid: event.pid ?? s.pid,
      tmux,
      lastEventAt: iso(lastMs),
    },
  };
}

type StatusPatch = Pick<Session, 'status' | 'waitingFor' | 'tool'>;

const isAskingHuman = (session: Session): boolean =>
  session.status === 'waiting' && (session.waitingFor === 'question' || session.waitingFor === 'plan');

/** The status rules of docs/STATUS.md, one case per agent change. `undefined` means "leave the status". */
function statusPatch(event: SessionEvent, current: Session): StatusPatch | undefined {
  const change = event.change;
  switch (change.type) {
    case 'started':
      return { status: 'idle', waitingFor: null, tool: null };
    case 'prompt':
      return { status: 'working', waitingFor: null, tool: null };
    case 'tool-started':
      return {
        status: 'working',
        waitingFor: null,
        tool: { name: change.tool, startedAt: iso(event.at), summary: change.summary },
      };
    case 'waiting': {
      // Claude Code 2.1 also asks "permission" for AskUserQuestion and ExitPlanMode (a
      // PermissionRequest, then a permission_prompt notification): that is still the question
      // or the plan, not a permission dialog.
      if (
        change.reason === 'permission' &&
        isAskingHuman(current) &&
        (change.tool === null || change.tool === current.tool?.name)
      ) {
        return { status: current.status, waitingFor: current.waitingFor, tool: current.tool };
      }
      const keep = current.tool !== null && (change.tool === null || change.tool === current.tool.name);
      const tool = keep
        ? current.tool
        : change.tool === null
          ? null
          : { name: change.tool, startedAt: iso(event.at), summary: change.summary };
      return { status: 'waiting', waitingFor: change.reason, tool };
    }
    case 'tool-finished':
      return { status: 'working', waitingFor: null, tool: null };
    case 'working':
      return { status: 'working', waitingFor: null, tool: current.tool };
    case 'idle':
      return { status: 'idle', waitingFor: null, tool: null };
    case 'subagent-started':
    case 'subagent-stopped':
    case 'metrics':
    case 'seen':
    case 'ended':
      return undefined;
    default:
      return assertNever(change, 'session change');
  }
}

/**
 * SessionStart names the model by its bare id, and Claude Code runs its status line (which has
 * the display name) at about the same moment, in either order. For the same id the known model
 * stays, so "Opus 5.5" does not turn into "claude-opus-5-5" until the next status line, which
 * only comes after the first turn. A different id (after /model) is taken.
 */
function startedModel(known: Model | null, reported: Model | null): Model | null {
  if (reported === null) return known;
  return known !== null && known.id === reported.id ? known : reported;
}

/**
 * Applies one event to one session. Pure: the result depends only on the arguments.
 * Returns null when the session is over (SessionEnd).
 */
export function reduceSession(entry: SessionEntry | undefined, event: SessionEvent): SessionEntry | null {
  if (event.change.type === 'ended') return null;
  let next = refreshIdentity(entry ?? newEntry(event), event);
  const change = event.change;

  if (change.type === 'metrics') {
    if (event.at < next.metricsAt) return next;
    const s = next.session;
    return {
      ...next,
      metricsAt: event.at,
      session: {
        ...s,
        model: change.model ?? s.model,
        context: change.context ?? s.context,
        cost: change.cost ?? s.cost,
      },
    };
  }
  if (change.type === 'subagent-started' || change.type === 'subagent-stopped') return countSubagents(next, change);
  if (change.type === 'started') {
    const model = startedModel(next.session.model, change.model);
    next = { ...next, subagentIds: [], earlyStops: [], session: { ...next.session, model, subagents: 0 } };
  }

  // Hooks run as separate processes and may arrive out of order: an older report never rolls the status back.
  if (event.at < next.statusAt) return next;
  const patch = statusPatch(event, next.session);
  if (patch === undefined) return next;
  return { ...next, statusAt: event.at, session: { ...next.session, ...patch } };
}
