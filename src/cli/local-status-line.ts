import { renderStatusLine } from '../domain/status-line-text.js';
import { statusLinePayloadSchema } from '../integrations/claude/payload-schemas.js';
import { toMetricsChange } from '../integrations/claude/status-line-mapping.js';
import { sanitizeTerminalText } from '../shared/terminal-text.js';

/** The status line rendered from the payload alone, for when atmd cannot be reached. */
export function renderLocalStatusLine(json: string): string {
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return 'atm';
  }
  const metrics = toMetricsChange(statusLinePayloadSchema.parse(payload ?? {}));
  return sanitizeTerminalText(renderStatusLine(metrics));
}
