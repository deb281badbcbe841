import { z } from 'zod';
import { paneIdSchema, sessionIdSchema } from './ids.js';

/**
 * The public shape of a session. `atm list --json`, the wire protocol and every later
 * feature use these names; change them only with a protocol MAJOR bump. Adding a field is a
 * MINOR change.
 */
/**
 * Which agent CLI a session runs: the name of the integration that reads its reports
 * (`claude-code` so far). A name, not an enum: a newer daemon's agents must not make an older
 * client drop the snapshot.
 */
export const agentKindSchema = z.string().min(1).max(64);
export type AgentKind = z.infer<typeof agentKindSchema>;

export const SESSION_STATUSES = ['working', 'waiting', 'idle'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const WAITING_REASONS = ['permission', 'question', 'plan', 'elicitation'] as const;
export type WaitingFor = (typeof WAITING_REASONS)[number];

/** The `host` of a session whose agent runs on the machine atmd runs on. */
export const LOCAL_HOST = 'local';

const isoTimeSchema = z.string().min(1);

export const toolSchema = z.object({
  name: z.string(),
  startedAt: isoTimeSchema,
  /** A one-line, human summary of the tool's input (a command, a file path), or null. */
  summary: z.string().nullable().default(null),
});
export type Tool = z.infer<typeof toolSchema>;

export const modelSchema = z.object({ id: z.string(), displayName: z.string() });
export type Model = z.infer<typeof modelSchema>;

export const contextSchema = z.object({
  usedTokens: z.number().nonnegative(),
  windowSize: z.number().positive(),
  usedPercent: z.number().nonnegative(),
});
export type ContextUsage = z.infer<typeof contextSchema>;

export const costSchema = z.object({
  totalUsd: z.number().nonnegative(),
  linesAdded: z.number().int().nonnegative(),
  linesRemoved: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type Cost = z.infer<typeof costSchema>;

export const tmuxLocationSchema = z.object({
  pane: paneIdSchema,
  session: z.string().nullable(),
  window: z.string().nullable(),
  /**
   * The socket path of the tmux server the pane lives on (the first field of the reporter's
   * `$TMUX`), or null when unknown. Pane ids are per server: a jump must go to this one. Added in 1.2.
   */
  server: z.string().nullable().default(null),
});
export type TmuxLocation = z.infer<typeof tmuxLocationSchema>;

export const sessionSchema = z.object({
  id: sessionIdSchema,
  agent: agentKindSchema,
  // Read tolerantly, as a MINOR version promises: a status or reason a newer daemon added reads
  // as the nearest one this version knows, instead of failing the whole snapshot.
  status: z.enum(SESSION_STATUSES).catch('working'),
  waitingFor: z.enum(WAITING_REASONS).nullable().catch('question'),
  tool: toolSchema.nullable(),
  model: modelSchema.nullable(),
  context: contextSchema.nullable(),
  cost: costSchema.nullable(),
  cwd: z.string().nullable(),
  projectDir: z.string().nullable(),
  project: z.string(),
  /** The git branch checked out in `cwd` (a short commit id when detached), or null outside git. Added in 1.1. */
  branch: z.string().nullable().default(null),
  pid: z.number().int().positive().nullable(),
  tmux: tmuxLocationSchema.nullable(),
  startedAt: isoTimeSchema,
  lastEventAt: isoTimeSchema,
  subagents: z.number().int().nonnegative(),
  /** The machine the agent runs on: `LOCAL_HOST` for atmd's own, later a remote host's name. Added in 1.2. */
  host: z.string().min(1).max(255).default(LOCAL_HOST),
});
export type Session = z.infer<typeof sessionSchema>;
