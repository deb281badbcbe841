import { z } from 'zod';
import { sessionIdSchema } from '../domain/ids.js';
import { sessionSchema } from '../domain/session.js';

/**
 * Wire protocol v1 (docs/PROTOCOL.md). Every message is one line of JSON. Our own messages are
 * strict about the fields they know; unknown fields (from a newer MINOR) are stripped, not refused.
 */
const versionSchema = z.string().regex(/^\d{1,4}\.\d{1,4}$/, 'protocolVersion is "MAJOR.MINOR"');
const requestIdSchema = z.union([z.string().max(100), z.number().int()]).optional();

export const CLIENT_ROLES = ['cli', 'tui', 'hook', 'statusline', 'bench', 'test', 'other'] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

export const INGEST_KINDS = ['hook', 'status'] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];

export const helloSchema = z.object({
  type: z.literal('hello'),
  protocolVersion: versionSchema,
  role: z.enum(CLIENT_ROLES).catch('other'),
  client: z.string().max(200).optional(),
});
export type Hello = z.infer<typeof helloSchema>;

/** Who reported an event, as the client saw it. Shared by the one-shot envelope and `ingest`. */
export const reporterShape = {
  kind: z.enum(INGEST_KINDS),
  /**
   * Which agent CLI sent the payload (`claude-code`, …): it picks the integration that reads it.
   * Absent means `claude-code`, as every client before 1.2 meant. Added in 1.2.
   */
  agent: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'an agent is a short lower-case name like "claude-code"')
    .optional(),
  /** The agent's pid when the client knows it (ATM_AGENT_PID); else the daemon walks up from `ppid`. */
  agentPid: z.number().int().positive().nullable().optional(),
  /** The client's parent pid: the agent itself, or a shell the agent started. */
  ppid: z.number().int().positive().nullable().optional(),
  /** `$TMUX_PANE`; validated later, so a bad value costs the pane, not the event. */
  pane: z.string().max(20).nullable().optional(),
  /** `$TMUX` (socket path, server pid, session index): tells the daemon which tmux server to ask. */
  tmux: z.string().max(500).nullable().optional(),
  /** Client clock, epoch ms. */
  ts: z.number().int().nonnegative(),
};

/** First line of a one-shot ingest connection; the rest of the stream up to EOF is the agent's JSON. */
export const envelopeSchema = z.object({
  atm: versionSchema,
  ...reporterShape,
  /**
   * (1.2) Answer a `hook` report with {@link HOOK_ACK} once it is applied and saved, so a client
   * that gets no ack (atmd restarting, killed mid-report) knows to send it again.
   */
  ack: z.boolean().optional(),
  /**
   * (1.3) The report's own id, the same in every copy a client sends of it: atmd applies a `hook`
   * report once however many copies arrive (within minutes). One that is not a short word is
   * ignored, not refused: the report still counts.
   */
  id: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{8,64}$/)
    .optional()
    .catch(undefined),
});
export { HOOK_ACK } from './hook-ack.js';
export type Envelope = z.infer<typeof envelopeSchema>;

export const clientMessageSchema = z.discriminatedUnion('type', [
  helloSchema,
  z.object({ type: z.literal('ping'), id: requestIdSchema }),
  z.object({ type: z.literal('list'), id: requestIdSchema }),
  z.object({ type: z.literal('subscribe'), id: requestIdSchema }),
  z.object({ type: z.literal('ingest'), id: requestIdSchema, ...reporterShape, payload: z.unknown() }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type IngestMessage = Extract<ClientMessage, { type: 'ingest' }>;

export const ERROR_CODES = [
  'bad-json',
  'bad-message',
  'not-hello',
  'line-too-long',
  'too-many-subscribers',
  'session-limit',
  'bad-payload',
  'internal',
] as const;
export type WireErrorCode = (typeof ERROR_CODES)[number];

export const daemonMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocolVersion: versionSchema,
    daemonVersion: z.string(),
    pid: z.number().int(),
  }),
  z.object({
    type: z.literal('rejected'),
    protocolVersion: versionSchema,
    clientVersion: z.string(),
    message: z.string(),
  }),
  z.object({ type: z.literal('pong'), id: requestIdSchema }),
  z.object({ type: z.literal('snapshot'), id: requestIdSchema, sessions: z.array(sessionSchema) }),
  z.object({
    type: z.literal('update'),
    upsert: z.array(sessionSchema),
    remove: z.array(sessionIdSchema),
  }),
  z.object({ type: z.literal('ingested'), id: requestIdSchema, statusLine: z.string().nullable() }),
  z.object({
    type: z.literal('error'),
    id: requestIdSchema,
    code: z.enum(ERROR_CODES).catch('internal'),
    message: z.string(),
  }),
]);
export type DaemonMessage = z.infer<typeof daemonMessageSchema>;

/** A session a snapshot or update carried that this version could not read, and why. */
export interface DroppedSession {
  /** Its id when the daemon sent a string (cut at 80 characters), else null. */
  readonly id: string | null;
  /** `session <id> (<path>: <what is wrong>)`, for a log line. */
  readonly problem: string;
}

export type ReadDaemonMessage =
  | { readonly ok: true; readonly message: DaemonMessage; readonly dropped: readonly DroppedSession[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads one message from atmd, tolerantly: a session in a snapshot or update that this version
 * cannot read at all is left out (and said why in `dropped`) instead of failing the whole message,
 * as a MINOR version promises.
 */
export function readDaemonMessage(value: unknown): ReadDaemonMessage {
  const dropped: DroppedSession[] = [];
  let candidate = value;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const key = record.type === 'snapshot' ? 'sessions' : record.type === 'update' ? 'upsert' : null;
    const list = key === null ? undefined : record[key];
    if (key !== null && Array.isArray(list)) {
      const kept = list.filter((item) => {
        const parsed = sessionSchema.safeParse(item);
        if (!parsed.success) dropped.push(describeSessionProblem(item, parsed.error));
        return parsed.success;
      });
      candidate = { ...record, [key]: kept };
    }
  }
  const parsed = daemonMessageSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' };
  return { ok: true, message: parsed.data, dropped };
}

function describeSessionProblem(item: unknown, error: z.ZodError): DroppedSession {
  const raw = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  const id = typeof raw === 'string' ? raw.slice(0, 80) : null;
  const issue = error.issues[0];
  const where = issue === undefined ? '' : `${issue.path.map(String).join('.')}: ${issue.message}`;
  return { id, problem: `session ${id ?? '?'} (${where})` };
}
