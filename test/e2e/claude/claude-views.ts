import { z } from 'zod';
import type { Session, SessionStatus, WaitingFor } from '../../../src/domain/session.js';

/**
 * The three views of one real Claude Code session that the suite holds side by side at each
 * step: Claude's screen (capture-pane), Claude's own sessions file, and atm's session
 * (`atm list --json`). Pure: the polling shell is in claude-pane.ts.
 */

/**
 * `$CLAUDE_CONFIG_DIR/sessions/<pid>.json`, read with our own tolerant schema rather than atm's
 * parser: the suite must not check atm with atm's code.
 */
export const claudeFileSchema = z.looseObject({
  pid: z.number().optional().catch(undefined),
  sessionId: z.string().optional().catch(undefined),
  status: z.string().optional().catch(undefined),
  waitingFor: z.string().optional().catch(undefined),
  tmux: z.string().optional().catch(undefined),
});
export type ClaudeFile = z.infer<typeof claudeFileSchema>;

export interface Views {
  readonly screen: string;
  /** Undefined while the file does not exist (or was caught half-written). */
  readonly file: ClaudeFile | undefined;
  /** This session in `atm list --json`, or undefined when atm does not list it. */
  readonly atm: Session | undefined;
  /** When this round of reads started (Date.now()). */
  readonly atMs: number;
}

/** What atm must say at a step. */
export interface AtmExpectation {
  readonly status: SessionStatus;
  readonly waitingFor: WaitingFor | null;
}

export interface Step {
  readonly what: string;
  /** What Claude's screen shows at this step. */
  readonly screen: string | RegExp | ((screen: string) => boolean);
  readonly atm: AtmExpectation;
  /** More about atm's session (its tool, its context); must hold in the same round. */
  readonly atmAlso?: (session: Session) => boolean;
}

/**
 * How Claude Code 2.1.331 writes each atm state in its sessions file (see
 * test/fixtures/claude/2.1.331/README.md): busy is working; waitingFor is free text.
 */
export function toClaudeFileState(atm: AtmExpectation): { status: string; waitingFor: string | undefined } {
  switch (atm.status) {
    case 'idle':
      return { status: 'idle', waitingFor: undefined };
    case 'working':
      return { status: 'busy', waitingFor: undefined };
    case 'waiting':
      return {
        status: 'waiting',
        waitingFor:
          atm.waitingFor === 'permission'
            ? 'permission prompt'
            : atm.waitingFor === 'question'
              ? 'input needed'
              : undefined,
      };
  }
}

export const screenMatches = (expect: Step['screen'], screen: string): boolean =>
  typeof expect === 'string'
    ? screen.includes(expect)
    : expect instanceof RegExp
      ? expect.test(screen)
      : expect(screen);

/** Which of the three views disagree with the step (empty: all three agree). */
export function disagreements(step: Step, views: Views): string[] {
  const problems: string[] = [];
  if (!screenMatches(step.screen, views.screen)) problems.push(`screen does not show ${String(step.screen)}`);
  const file = toClaudeFileState(step.atm);
  if (views.file?.status !== file.status) problems.push(`sessions file status is not ${file.status}`);
  else if (file.waitingFor !== undefined && views.file.waitingFor !== file.waitingFor)
    problems.push(`sessions file waitingFor is not "${file.waitingFor}"`);
  const atm = views.atm;
  if (atm === undefined) problems.push('atm does not list the session');
  else if (atm.status !== step.atm.status || atm.waitingFor !== step.atm.waitingFor)
    problems.push(
      `atm says ${atm.status}/${String(atm.waitingFor)}, not ${step.atm.status}/${String(step.atm.waitingFor)}`,
    );
  else if (step.atmAlso !== undefined && !step.atmAlso(atm)) problems.push('atm session fails the extra check');
  return problems;
}

export function describeViews(views: Views): string {
  return [
    `--- atm list --json (this session) ---\n${JSON.stringify(views.atm ?? null, null, 2)}`,
    `--- sessions file ---\n${JSON.stringify(views.file ?? null)}`,
    `--- screen ---\n${views.screen}`,
  ].join('\n');
}

/** Claude Code's footer while a turn runs (while idle it varies: "? for shortcuts" only without a status line). */
export const WORKING_FOOTER = 'esc to interrupt';
export const PERMISSION_DIALOG = 'Do you want to proceed?';

/** The prompt is back: an empty input line ("❯ " alone; a dialog's "❯ 1. Yes" is not), and no "esc to interrupt". */
export const isAtPrompt = (screen: string): boolean => /^❯\s*$/m.test(screen) && !screen.includes(WORKING_FOOTER);

/** Whether `expected` occurs in `trail` in this order (other states may come between). */
export function hasInOrder(trail: readonly string[], expected: readonly string[]): boolean {
  let next = 0;
  for (const label of trail) if (label === expected[next]) next += 1;
  return next === expected.length;
}
