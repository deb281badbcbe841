/**
 * Claude Code-shaped reports for the benches, built here (benches do not import from test/).
 * Every report carries a sequence number in `cwd` (`…/s<seq>`): atmd copies cwd into the session,
 * so a subscriber can tell which report a session's state reflects, and the baseline's relayed
 * line carries the same marker.
 */

import { NO_PLACE } from './tmux-server.mjs';

const PROTOCOL_VERSION = '1.0';
const MARKER = /\/s(\d+)$/;

/**
 * A session id in Claude's format (a UUID), distinct per bench process and session index.
 * @param {number} index
 */
export function sessionIdFor(index) {
  const pid = process.pid.toString(16).padStart(8, '0').slice(-8);
  return `${pid}-be0c-4c3b-8e6f-${index.toString(16).padStart(12, '0')}`;
}

/** @param {string} sessionId @param {number} seq */
const common = (sessionId, seq) => ({
  session_id: sessionId,
  transcript_path: `/home/bench/.claude/projects/-home-bench-code/${sessionId}.jsonl`,
  cwd: `/home/bench/code/s${seq}`,
  permission_mode: 'default',
});

/**
 * The hook stream a working agent sends: PreToolUse (Bash) and PostToolUse, alternating by seq.
 * @param {string} sessionId
 * @param {number} seq
 */
export function toolHookPayload(sessionId, seq) {
  if (seq % 2 === 1)
    return {
      ...common(sessionId, seq),
      hook_event_name: 'PostToolUse',
      tool_name: 'Bash',
      tool_response: { stdout: 'ok', stderr: '' },
    };
  return {
    ...common(sessionId, seq),
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: `npm run lint -- --seq ${seq}`, description: 'Lint the project' },
    tool_use_id: `toolu_${seq}`,
  };
}

/** @param {string} sessionId @param {number} seq */
export function sessionStartPayload(sessionId, seq) {
  return { ...common(sessionId, seq), hook_event_name: 'SessionStart', source: 'startup', model: 'claude-sonnet-4-5' };
}

/** A full statusLine payload (model, context, cost), which fills every metric of a session. */
export function statusPayload(/** @type {string} */ sessionId, /** @type {number} */ seq) {
  return {
    ...common(sessionId, seq),
    model: { id: 'claude-sonnet-4-5', display_name: 'Sonnet 4.5' },
    workspace: { current_dir: `/home/bench/code/s${seq}`, project_dir: '/home/bench/code', added_dirs: [] },
    version: '2.1.240',
    cost: {
      total_cost_usd: 0.1873,
      total_duration_ms: 241000,
      total_api_duration_ms: 96000,
      total_lines_added: 42,
      total_lines_removed: 7,
    },
    context_window: {
      context_window_size: 200000,
      used_percentage: 31,
      current_usage: {
        input_tokens: 900,
        output_tokens: 3400,
        cache_creation_input_tokens: 4100,
        cache_read_input_tokens: 56000,
      },
    },
  };
}

/**
 * The reporter fields, as a hook sends them. `agentPid` is the bench's own pid, as
 * `ATM_AGENT_PID` would give it: atmd then does not walk /proc for an ancestor named `claude`
 * (the bench has none), and its liveness check keeps the sessions while still reading
 * /proc/<pid>/stat once a second per session, as for real agents.
 * @param {'hook' | 'status'} kind
 * @param {import('./tmux-server.mjs').Place} place
 */
const reporter = (kind, place) => ({
  kind,
  agentPid: process.pid,
  ppid: null,
  pane: place.pane,
  tmux: place.tmux,
  ts: Date.now(),
});

/**
 * The bytes of a one-shot report: envelope line, then the payload up to EOF.
 * @param {'hook' | 'status'} kind
 * @param {object} payload
 * @param {import('./tmux-server.mjs').Place} [place] the server's `place` (default: outside tmux)
 */
export function oneShotBytes(kind, payload, place = NO_PLACE) {
  return `${JSON.stringify({ atm: PROTOCOL_VERSION, ...reporter(kind, place) })}\n${JSON.stringify(payload)}\n`;
}

/**
 * An `ingest` request line for a hello'd connection.
 * @param {number} id
 * @param {'hook' | 'status'} kind
 * @param {object} payload
 * @param {import('./tmux-server.mjs').Place} [place] the server's `place` (default: outside tmux)
 */
export function ingestLine(id, kind, payload, place = NO_PLACE) {
  return `${JSON.stringify({ type: 'ingest', id, ...reporter(kind, place), payload })}\n`;
}

export const HELLO_LINE = `${JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, role: 'bench', client: 'atm-bench' })}\n`;

/**
 * The sequence number a cwd carries, or -1.
 * @param {unknown} cwd
 */
export function markerOf(cwd) {
  const match = typeof cwd === 'string' ? MARKER.exec(cwd) : null;
  return match?.[1] === undefined ? -1 : Number(match[1]);
}
