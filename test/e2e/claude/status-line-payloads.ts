import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ContextUsage, Cost } from '../../../src/domain/session.js';

/**
 * The statusLine payloads Claude Code gave the user's own status-line command, which saves each
 * one as <dir>/<ns time>-<shell pid>.json. Read with our own schema: the suite compares atm's
 * numbers with Claude's, not with atm's reading of them.
 */
const num = z.number().nullable().optional();
export const statusPayloadSchema = z.looseObject({
  session_id: z.string(),
  cost: z.looseObject({
    total_cost_usd: z.number(),
    total_duration_ms: z.number(),
    total_lines_added: z.number(),
    total_lines_removed: z.number(),
  }),
  context_window: z.looseObject({
    context_window_size: z.number(),
    used_percentage: num,
    current_usage: z
      .looseObject({ input_tokens: num, cache_creation_input_tokens: num, cache_read_input_tokens: num })
      .nullable(),
  }),
});
export type StatusPayload = z.infer<typeof statusPayloadSchema>;

/** The user's command: save stdin, then print two coloured lines that never depend on it. */
export function toUserStatusLine(payloadDir: string): string {
  const dir = `'${payloadDir.replaceAll("'", `'\\''`)}'`;
  return [
    `cat > ${dir}/"$(date +%s%N)-$$.json"`,
    `printf '\\033[1;35m◆ my own line\\033[0m \\033[36mcyan part\\033[0m\\n\\033[33;4msecond line\\033[0m\\n'`,
  ].join('; ');
}

/** Every saved payload of session `id`, oldest first (the file names start with the time in ns). */
export async function readStatusPayloads(payloadDir: string, id: string): Promise<StatusPayload[]> {
  const names = (await readdir(payloadDir)).filter((name) => name.endsWith('.json')).sort();
  const payloads: StatusPayload[] = [];
  for (const name of names) {
    const text = await readFile(join(payloadDir, name), 'utf8');
    // The newest file may still be being written: it counts on the next read.
    const parsed = statusPayloadSchema.safeParse(parseOrNull(text));
    if (parsed.success && parsed.data.session_id === id) payloads.push(parsed.data);
  }
  return payloads;
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * What atm must show for a payload: Claude's own percentage, the tokens now in the window
 * (input + cache creation + cache read of `current_usage`), and the cost figures as given.
 */
export function toExpectedMetrics(payload: StatusPayload): { context: ContextUsage; cost: Cost } {
  const window = payload.context_window;
  const usage = window.current_usage;
  const usedTokens =
    (usage?.input_tokens ?? 0) + (usage?.cache_creation_input_tokens ?? 0) + (usage?.cache_read_input_tokens ?? 0);
  return {
    context: { usedTokens, windowSize: window.context_window_size, usedPercent: window.used_percentage ?? 0 },
    cost: {
      totalUsd: payload.cost.total_cost_usd,
      linesAdded: payload.cost.total_lines_added,
      linesRemoved: payload.cost.total_lines_removed,
      durationMs: payload.cost.total_duration_ms,
    },
  };
}
