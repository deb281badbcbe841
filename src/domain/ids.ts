import { z } from 'zod';

/** Claude Code's session_id (a UUID today; kept opaque, but bounded and printable). */
export const sessionIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:-]+$/, 'a session id is letters, digits, ".", ":", "_" or "-"')
  .brand<'SessionId'>();
export type SessionId = z.infer<typeof sessionIdSchema>;

/** A tmux pane id as tmux prints it: `%` then digits. Anything else is refused before it reaches tmux. */
export const paneIdSchema = z
  .string()
  .regex(/^%\d{1,9}$/, 'a tmux pane id is "%" followed by digits')
  .brand<'PaneId'>();
export type PaneId = z.infer<typeof paneIdSchema>;

export function toPaneId(value: unknown): PaneId | null {
  const parsed = paneIdSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function toSessionId(value: unknown): SessionId | null {
  const parsed = sessionIdSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
