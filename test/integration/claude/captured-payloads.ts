import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/built.js';

const CAPTURED = join(REPO_ROOT, 'test', 'fixtures', 'claude', '2.1.331', 'bash-permission');

/**
 * A payload Claude Code 2.1.331 really sent (test/fixtures/claude/2.1.331), bytes as captured,
 * with the session id swapped for `sessionId` so each test has sessions of its own.
 */
export function capturedPayload(file: string, sessionId: string): string {
  const text = readFileSync(join(CAPTURED, file), 'utf8');
  const captured = (JSON.parse(text) as { session_id: string }).session_id;
  return text.replaceAll(captured, sessionId);
}

export const PRE_TOOL_USE = '03-PreToolUse.json';
export const STOP = '07-Stop.json';
export const STATUS_LINE = 'statusline-02.json';
