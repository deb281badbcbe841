import { toPaneId } from '../../domain/ids.js';
import { sanitizeTerminalText } from '../../shared/terminal-text.js';
import type { PaneInfo, TmuxClient } from './tmux.js';

/**
 * tmux `-F` formats and their parser. Fields are separated by US (0x1f): tmux allows tabs,
 * spaces, quotes and any Unicode in session and window names, but a name holding 0x1f (or a
 * newline) yields a line with the wrong number of fields, which is skipped rather than misread.
 * Each line starts with its kind (P or C) so one tmux run can list panes and clients together.
 */
export const FIELD_SEPARATOR = '\u001f';

const PANE_FIELDS = [
  'pane_id',
  'pane_pid',
  'session_id',
  'session_name',
  'window_id',
  'window_index',
  'window_name',
  'pane_index',
  'pane_active',
  'window_active',
  'session_attached',
] as const;
const CLIENT_FIELDS = ['client_tty', 'session_id', 'client_activity'] as const;

const toFormat = (kind: string, fields: readonly string[]): string =>
  [kind, ...fields.map((field) => `#{${field}}`)].join(FIELD_SEPARATOR);
export const LIST_PANES_FORMAT = toFormat('P', PANE_FIELDS);
export const LIST_CLIENTS_FORMAT = toFormat('C', CLIENT_FIELDS);

export interface TmuxListing {
  readonly panes: PaneInfo[];
  readonly clients: TmuxClient[];
}

const count = (text: string | undefined): number | null =>
  text !== undefined && /^\d{1,10}$/.test(text) ? Number(text) : null;
const matches = (text: string | undefined, pattern: RegExp): text is string => text !== undefined && pattern.test(text);

function toClient(fields: readonly string[]): TmuxClient | null {
  const [tty, sessionId, activity] = fields;
  const activitySec = count(activity);
  if (!matches(tty, /^\/\S+$/) || !matches(sessionId, /^\$\d+$/) || activitySec === null) return null;
  return { tty, sessionId, activitySec };
}

function toPane(fields: readonly string[]): Omit<PaneInfo, 'clientTty'> | null {
  const [id, pid, sessionId, sessionName, windowId, windowIndex, windowName, paneIndex, ...flags] = fields;
  const paneId = toPaneId(id);
  const panePid = count(pid);
  const index = count(windowIndex);
  const pane = count(paneIndex);
  if (paneId === null || panePid === null || index === null || pane === null) return null;
  if (!matches(sessionId, /^\$\d+$/) || !matches(windowId, /^@\d+$/)) return null;
  const [paneActive, windowActive, attached] = flags;
  return {
    paneId,
    panePid,
    sessionId,
    sessionName: sanitizeTerminalText(sessionName ?? ''),
    windowId,
    windowIndex: index,
    windowName: sanitizeTerminalText(windowName ?? ''),
    paneIndex: pane,
    paneActive: paneActive === '1',
    windowActive: windowActive === '1',
    // session_attached counts clients (tmux >= 3.1) or is a flag (older): either way, > 0.
    sessionAttached: (count(attached) ?? 0) > 0,
  };
}

/** Parses the output of `list-panes -a -F LIST_PANES_FORMAT ; list-clients -F LIST_CLIENTS_FORMAT`. */
export function parseTmuxListing(output: string): TmuxListing {
  const panes: Omit<PaneInfo, 'clientTty'>[] = [];
  const clients: TmuxClient[] = [];
  for (const line of output.split('\n')) {
    const [kind, ...fields] = line.replace(/\r$/, '').split(FIELD_SEPARATOR);
    const pane = kind === 'P' && fields.length === PANE_FIELDS.length ? toPane(fields) : null;
    const client = kind === 'C' && fields.length === CLIENT_FIELDS.length ? toClient(fields) : null;
    if (pane !== null) panes.push(pane);
    if (client !== null) clients.push(client);
  }
  return {
    panes: panes.map((pane) => ({ ...pane, clientTty: mostRecentClient(clients, pane.sessionId)?.tty ?? null })),
    clients,
  };
}

/** The client with the latest input, optionally among those showing `sessionId`; ties go to the first listed. */
export function mostRecentClient(clients: readonly TmuxClient[], sessionId?: string): TmuxClient | null {
  let best: TmuxClient | null = null;
  for (const client of clients) {
    if (sessionId !== undefined && client.sessionId !== sessionId) continue;
    if (best === null || client.activitySec > best.activitySec) best = client;
  }
  return best;
}
