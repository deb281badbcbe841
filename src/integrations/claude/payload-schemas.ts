import { z } from 'zod';

/**
 * Claude Code's hook and statusLine payloads, read tolerantly: every field optional, wrong
 * types dropped to undefined instead of failing the whole payload, unknown keys kept. Claude
 * adds fields every few weeks; none of that may cost us an event. snake_case stays in this folder.
 */
const str = z.string().optional().catch(undefined);
const num = z.number().optional().catch(undefined);
const nullableNum = z.number().nullable().optional().catch(undefined);

export const hookPayloadSchema = z.looseObject({
  session_id: str,
  transcript_path: str,
  cwd: str,
  hook_event_name: str,
  tool_name: str,
  tool_input: z.unknown().optional(),
  notification_type: str,
  message: str,
  model: z.unknown().optional(),
  source: str,
  reason: str,
  agent_id: str,
  agent_type: str,
  is_interrupt: z.boolean().optional().catch(undefined),
});
export type HookPayload = z.infer<typeof hookPayloadSchema>;

const currentUsageSchema = z
  .looseObject({
    input_tokens: num,
    output_tokens: num,
    cache_creation_input_tokens: num,
    cache_read_input_tokens: num,
  })
  .nullable()
  .optional()
  .catch(undefined);

export const statusLinePayloadSchema = z.looseObject({
  session_id: str,
  transcript_path: str,
  cwd: str,
  version: str,
  model: z.looseObject({ id: str, display_name: str }).optional().catch(undefined),
  workspace: z.looseObject({ current_dir: str, project_dir: str }).optional().catch(undefined),
  cost: z
    .looseObject({
      total_cost_usd: num,
      total_duration_ms: num,
      total_lines_added: num,
      total_lines_removed: num,
    })
    .optional()
    .catch(undefined),
  context_window: z
    .looseObject({
      context_window_size: num,
      used_percentage: nullableNum,
      current_usage: currentUsageSchema,
    })
    .optional()
    .catch(undefined),
});
export type StatusLinePayload = z.infer<typeof statusLinePayloadSchema>;
