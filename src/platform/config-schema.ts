import { z } from 'zod';

/**
 * atm's configuration, every key optional with a default. docs/CONFIG.md documents each key;
 * keep the two in step. Unknown keys are refused so a typo is caught instead of ignored.
 */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const daemonConfigSchema = z
  .object({
    maxSessions: z.number().int().min(1).max(100_000).default(100),
    maxSubscribers: z.number().int().min(1).max(1_000).default(10),
    maxLineBytes: z
      .number()
      .int()
      .min(1_024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
    maxUpdatesPerSecond: z.number().min(1).max(1_000).default(10),
    maxQueuedMessages: z.number().int().min(1).max(100_000).default(100),
    oneShotTimeoutMs: z.number().int().min(100).max(600_000).default(5_000),
    livenessIntervalMs: z.number().int().min(100).max(60_000).default(1_000),
    persistDebounceMs: z.number().int().min(0).max(60_000).default(500),
    rssLogIntervalMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
    rssWarnMb: z.number().min(1).max(100_000).default(100),
    // core (issue 10): a connection whose unsent answers pass this is closed (a client that never reads).
    maxWriteBufferBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(1024 * 1024 * 1024)
      .default(16 * 1024 * 1024),
  })
  .strict();

// notifications (issue 12, attention): desktop notifications, the user command on transitions.
export const NOTIFY_TRANSITIONS = ['permission', 'question', 'plan', 'elicitation', 'finished'] as const;
export type NotifyTransition = (typeof NOTIFY_TRANSITIONS)[number];

export const notificationsConfigSchema = z
  .object({
    /** 'auto': on when a notification server answers on the session bus. */
    enabled: z.union([z.boolean(), z.literal('auto')]).default('auto'),
    transitions: z
      .array(z.enum(NOTIFY_TRANSITIONS))
      .max(NOTIFY_TRANSITIONS.length)
      .default(['permission', 'question', 'plan', 'elicitation']),
    minWorkSeconds: z.number().min(0).max(86_400).default(30),
    quietWhenFocused: z.boolean().default(true),
    cooldownSeconds: z.number().min(0).max(3_600).default(5),
    maxPerMinute: z.number().int().min(1).max(600).default(6),
    command: z.array(z.string().min(1).max(4_096)).min(1).max(100).nullable().default(null),
    commandTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
  })
  .strict();
export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;

export const configSchema = z
  .object({
    logLevel: z.enum(LOG_LEVELS).default('info'),
    daemon: daemonConfigSchema.prefault({}),
    notifications: notificationsConfigSchema.prefault({}),
  })
  .strict();

export type AtmConfig = z.infer<typeof configSchema>;
export type DaemonConfig = z.infer<typeof daemonConfigSchema>;

export const DEFAULT_CONFIG: AtmConfig = configSchema.parse({});
