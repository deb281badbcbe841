import type { Writable } from 'node:stream';
import { sanitizeTerminalText } from '../../shared/terminal-text.js';
import { forwardReport, type ReportContext } from './report.js';

/**
 * `atm statusline`: forwards the statusLine payload and prints the line atmd rendered. With no
 * daemon it renders a minimal line from the payload itself; on garbage it prints "atm". Never
 * an error, always exit 0: Claude Code blanks the status line on a non-zero exit.
 */
export async function runStatusLine(ctx: ReportContext & { stdout: Writable }): Promise<number> {
  const { reply, payload } = await forwardReport('status', ctx).catch(() => ({
    reply: null,
    payload: Buffer.alloc(0),
  }));
  // Whatever answered is printed into Claude Code's UI: strip what a terminal would interpret.
  const answer = reply === null ? '' : toPrintableLines(reply);
  const line = answer.trim().length > 0 ? answer : await fallbackLine(payload);
  ctx.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
  return 0;
}

/** Each line of `text` stripped of escape sequences and control characters. */
function toPrintableLines(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => sanitizeTerminalText(line))
    .join('\n');
}

/** Loaded only when the daemon did not answer, so the usual path never loads zod. */
async function fallbackLine(payload: Buffer): Promise<string> {
  try {
    const { renderLocalStatusLine } = await import('../local-status-line.js');
    return renderLocalStatusLine(payload.toString('utf8'));
  } catch {
    return 'atm';
  }
}
