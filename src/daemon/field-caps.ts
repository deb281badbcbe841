import type { Model } from '../domain/session.js';
import type { SessionChange, SessionEvent } from '../domain/session-event.js';

/**
 * Per-field limits at ingest (issue 10, defect 11), in UTF-16 code units. A 900 KB cwd was
 * accepted, and 96 such sessions took 1.1 GB and made `atm list` time out. A path longer than
 * PATH_MAX names no file, so it is dropped (null), not cut into a wrong one; names and the tool
 * summary are cut, ending in "…", because a shortened one still reads right.
 */
export const FIELD_CAPS = { path: 4_096, name: 256, summary: 1_024 } as const;

const orNullIfLonger = (value: string | null, max: number): string | null =>
  value !== null && value.length > max ? null : value;

/** `value` cut to at most `max` units, never splitting a surrogate pair. */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

const cutOrNull = (value: string | null, max: number): string | null => (value === null ? null : cutText(value, max));
const cutModel = (model: Model | null): Model | null =>
  model === null
    ? null
    : { id: cutText(model.id, FIELD_CAPS.name), displayName: cutText(model.displayName, FIELD_CAPS.name) };

function capChange(change: SessionChange): SessionChange {
  switch (change.type) {
    case 'started':
      return { ...change, model: cutModel(change.model) };
    case 'tool-started':
      return {
        ...change,
        tool: cutText(change.tool, FIELD_CAPS.name),
        summary: cutOrNull(change.summary, FIELD_CAPS.summary),
      };
    case 'waiting':
      return {
        ...change,
        tool: cutOrNull(change.tool, FIELD_CAPS.name),
        summary: cutOrNull(change.summary, FIELD_CAPS.summary),
      };
    case 'metrics':
      return { ...change, model: cutModel(change.model) };
    case 'subagent-started':
    case 'subagent-stopped':
      return change.agentId == null ? change : { ...change, agentId: cutText(change.agentId, FIELD_CAPS.name) };
    case 'prompt':
    case 'tool-finished':
    case 'idle':
    case 'working':
    case 'ended':
    case 'seen':
      return change;
  }
}

/** The event with every field from the payload within FIELD_CAPS. Pure. */
export function capEventFields(event: SessionEvent): SessionEvent {
  return {
    ...event,
    cwd: orNullIfLonger(event.cwd, FIELD_CAPS.path),
    projectDir: orNullIfLonger(event.projectDir, FIELD_CAPS.path),
    transcriptPath: orNullIfLonger(event.transcriptPath, FIELD_CAPS.path),
    change: capChange(event.change),
  };
}
