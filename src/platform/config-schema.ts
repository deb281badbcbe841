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
  })
  .strict();

export const configSchema = z
  .object({
    logLevel: z.enum(LOG_LEVELS).default('info'),
    daemon: daemonConfigSchema.prefault({}),
  })
  .strict();

export type AtmConfig = z.infer<typeof configSchema>;
export type DaemonConfig = z.infer<typeof daemonConfigSchema>;

export const DEFAULT_CONFIG: AtmConfig = configSchema.parse({});
