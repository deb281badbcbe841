import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.js';
import { skipReason, startAtmRig, type AtmRig } from './atm-rig.js';
import type { ClaudePane } from './claude-pane.js';
import { say } from './claude-scripts.js';
import { isAtPrompt } from './claude-views.js';
import { pollUntil } from './poll.js';
import { readStatusPayloads, toExpectedMetrics, toUserStatusLine, type StatusPayload } from './status-line-payloads.js';

/**
 * Scenarios 7 and 8 of issue 5. The user had a status line of their own (two coloured lines;
 * the command also saves every payload it gets) BEFORE `atm setup`. Setup wraps it: the line on
 * Claude's screen must stay exactly as it was, colours included, and atm must still get context
 * and cost, equal to what Claude's payload said.
 */
const reason = skipReason();
const FIRST_TURN = {
  inputTokens: 100_000,
  outputTokens: 789,
  cacheCreationInputTokens: 23_456,
  cacheReadInputTokens: 0,
};
const SECOND_TURN = {
  inputTokens: 300_000,
  outputTokens: 1_234,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 45_678,
};
const script = {
  rules: [
    { match: 'ATM_FIRST', steps: [say('First answer.', FIRST_TURN)] },
    { match: 'ATM_SECOND', steps: [say('Second answer.', SECOND_TURN)] },
  ],
};

/** The rows of the user's status line, with their colours (`capture-pane -e`). */
const STATUS_ROWS = /my own line|second line/;
async function statusRows(rig: AtmRig, claude: ClaudePane): Promise<string[]> {
  await claude.waitForScreen(
    (s) => s.includes('◆ my own line cyan part') && s.includes('second line'),
    "the user's status line",
  );
  return (await rig.tmux.captureStyled(claude.pane)).split('\n').filter((row) => STATUS_ROWS.test(row));
}

describe.skipIf(reason !== null)(
  `atm setup keeps the user's status line${reason === null ? '' : ` (skipped: ${reason})`}`,
  () => {
    let payloads: TempDir | undefined;
    let rig: AtmRig | undefined;
    const theRig = (): AtmRig => rig ?? expect.fail('the rig did not start');
    const payloadDir = (): string => payloads?.path ?? expect.fail('no payload dir');
    beforeAll(async () => {
      payloads = makeTempDir('atm-sl-');
      const statusLine = { type: 'command', command: toUserStatusLine(payloads.path) };
      rig = await startAtmRig({ script, settings: { statusLine }, setup: false });
    }, 120_000);
    afterAll(async () => {
      await rig?.[Symbol.asyncDispose]();
      payloads?.[Symbol.dispose]();
    }, 60_000);

    it(
      '7. the user status line stays exactly as it was on screen, and atm still gets context and cost',
      { timeout: 120_000 },
      async () => {
        const r = theRig();
        let before: string[];
        {
          await using claude = await r.startClaude({ withoutAtm: true });
          before = await statusRows(r, claude);
          expect(await r.list()).toEqual([]); // no atm yet
        }
        const setup = await r.setup();
        expect(setup.stdout).toContain('yours is kept');
        const settings = JSON.parse(await readFile(join(r.claude.configDir, 'settings.json'), 'utf8')) as {
          statusLine: { command: string };
        };
        expect(settings.statusLine.command).toContain(toUserStatusLine(payloadDir()));
        expect(settings.statusLine.command).toContain('atm-report.sh');

        await using claude = await r.startClaude();
        expect(await statusRows(r, claude)).toEqual(before);
        expect(before).toHaveLength(2);
        // And atm knows this session from the wrapped line and the hooks: where it runs, its model, context and cost.
        const session = await pollUntil(
          async () => {
            const found = await claude.atm();
            return found?.context != null && found.cost !== null ? found : undefined;
          },
          { timeoutMs: 15_000, what: 'context and cost in atm' },
        );
        expect(session.pid).toBe(await r.tmux.panePid(claude.pane));
        expect(session.tmux?.pane).toBe(claude.pane);
        expect(session.cwd).toBe(r.claude.projectDir);
        expect(session.status).toBe('idle');
        expect(session.model?.displayName).toBe(/▝▜██████▀\s+(.+?) · /.exec(await claude.screen())?.[1]);
      },
    );

    it(
      '8. context % and cost in atm list --json equal what the statusLine payload said',
      { timeout: 120_000 },
      async () => {
        const r = theRig();
        await using claude = await r.startClaude();
        const checkTurn = async (prompt: string, reply: string, usedPercent: number): Promise<StatusPayload> => {
          await claude.submit(prompt);
          await claude.expectStep({
            what: 'the turn is over',
            screen: (s) => s.includes(reply) && isAtPrompt(s),
            atm: { status: 'idle', waitingFor: null },
          });
          // The status line runs ~0.3 s after Stop; wait for its payload, then for atm to agree with it.
          const payload = await pollUntil(
            async () =>
              (await readStatusPayloads(payloadDir(), claude.id)).findLast(
                (p) => p.context_window.used_percentage === usedPercent,
              ),
            { timeoutMs: 15_000, what: `a status-line payload saying ${usedPercent}%` },
          );
          const expected = toExpectedMetrics(payload);
          const session = await pollUntil(
            async () => {
              const found = await claude.atm();
              return found?.context?.usedPercent === usedPercent ? found : undefined;
            },
            { timeoutMs: 15_000, what: `atm to show ${usedPercent}%` },
          );
          const newest = (await readStatusPayloads(payloadDir(), claude.id)).at(-1);
          expect(newest).toEqual(payload); // no later payload came in meanwhile
          expect({ context: session.context, cost: session.cost }).toEqual(expected);
          return payload;
        };
        const first = await checkTurn('ATM_FIRST go', 'First answer.', 12);
        expect(first.context_window.current_usage).toMatchObject({
          input_tokens: 100_000,
          cache_creation_input_tokens: 23_456,
        });
        expect(first.cost.total_cost_usd).toBeGreaterThan(0);
        const second = await checkTurn('ATM_SECOND go', 'Second answer.', 35);
        expect(second.cost.total_cost_usd).toBeGreaterThan(first.cost.total_cost_usd);
      },
    );
  },
);
