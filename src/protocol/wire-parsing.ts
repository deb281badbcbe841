import type { DaemonMessage } from './messages.js';
import { PROTOCOL_VERSION } from './version.js';

/** Small pure pieces of reading the wire that the daemon's connection handler uses. */

/** The answer to a client of another MAJOR version: both versions, and which side to upgrade. */
export function toRejected(clientVersion: string): DaemonMessage {
  return {
    type: 'rejected',
    protocolVersion: PROTOCOL_VERSION,
    clientVersion,
    message: `atmd speaks protocol ${PROTOCOL_VERSION} but this client speaks ${clientVersion}; upgrade ${
      Number.parseInt(clientVersion, 10) < Number.parseInt(PROTOCOL_VERSION, 10)
        ? 'the client (atm and its hooks: run `atm setup` again)'
        : 'atmd (and restart it)'
    } so both come from the same atm release`,
  };
}

/** A one-shot connection's first line is an envelope (`{"atm": …}`), not a request. */
export function isEnvelopeLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'atm' in value;
}

/** JSON.parse as a value: a bad line is an expected outcome on a socket, not an exception. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The first problem zod found, as `path: message`, for an error reply. */
export function describeFirstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path.length > 0 ? `${path}: ${issue.message}` : issue.message;
}
