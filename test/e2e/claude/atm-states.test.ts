import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain/session.js';
import { skipReason, startAtmRig, type AtmRig } from './atm-rig.js';
import { askColour, bash, LONG_COMMAND, QUESTION, say } from './claude-scripts.js';
import { hasInOrder, isAtPrompt, PERMISSION_DIALOG, WORKING_FOOTER } from './claude-views.js';
import { recordTiming } from './e2e-timings.js';
import { pollUntil } from './poll.js';

/**
 * Scenarios 1-4 of issue 5 against the real Claude Code with `atm setup` installed: at each
 * step, Claude's screen, Claude's sessions file and `atm list --json` must tell the same story.
 * One rig (model, config dir, atmd, tmux server) for the file; one fresh `claude` per scenario.
 */
const reason = skipReason();
const USAGE = {
  inputTokens: 100_000,
  outputTokens: 2_500,
  cacheCreationInputTokens: 20_000,
  cacheReadInputTokens: 30_000,
};

const script = {
  rules: [
    {
      match: 'ATM_TOOL',
      steps: [bash('sleep 5', 'Take a nap', 'Napping first.'), say('Napped for five seconds.', USAGE)],
    },
    {
      match: 'ATM_PERMISSION',
      steps: [bash('sleep 4 && touch atm-approved.txt', 'Nap, then create a marker'), say('The marker is there.')],
    },
    { match: 'ATM_ASK', steps: [askColour, say('Red it is.')] },
    { match: 'ATM_LONG_TOOL', steps: [bash(LONG_COMMAND, 'Wait for a minute'), say('Finished waiting.')] },
  ],
};

const idle = { status: 'idle', waitingFor: null } as const;
const working = { status: 'working', waitingFor: null } as const;
/** atm went through `expected` in this order (states shorter than atmd's 100 ms batching may be missing between). */
const expectTrail = (trail: string[], expected: string[]): void =>
  expect(hasInOrder(trail, expected), `atm's states were ${trail.join(' -> ')}`).toBe(true);
const isBash = (summary: string) => (session: Session) =>
  session.tool?.name === 'Bash' && session.tool.summary?.includes(summary) === true;

describe.skipIf(reason !== null)(
  `atm follows the real Claude Code${reason === null ? '' : ` (skipped: ${reason})`}`,
  () => {
    let rig: AtmRig | undefined;
    const theRig = (): AtmRig => rig ?? expect.fail('the rig did not start');
    beforeAll(async () => {
      rig = await startAtmRig({ script, settings: { permissions: { allow: ['Bash(sleep 5)'] } } });
    }, 120_000);
    afterAll(async () => {
      await rig?.[Symbol.asyncDispose]();
    }, 60_000);

    it('1. a prompt with a tool call reads working, then idle', { timeout: 120_000 }, async () => {
      const { watch } = theRig();
      await using claude = await theRig().startClaude();
      await claude.expectStep({ what: 'ready at the prompt', screen: isAtPrompt, atm: idle });

      const sentMs = await claude.submit('ATM_TOOL take a nap');
      const during = await claude.expectStep({
        what: 'the Bash tool runs',
        screen: (s) => s.includes('Bash(sleep 5)') && s.includes(WORKING_FOOTER),
        atm: working,
        atmAlso: isBash('sleep 5'),
      });
      expect(during.atm?.tool).toMatchObject({ name: 'Bash', summary: 'sleep 5' });

      const after = await claude.expectStep({
        what: 'the turn is over',
        screen: (s) => s.includes('Napped for five seconds.') && isAtPrompt(s),
        atm: idle,
        atmAlso: (s) => s.tool === null && s.context?.usedPercent === 15,
      });
      // The reply's usage (150k of a 1M window) reached atm through the status line, and atm's
      // own line (installed by setup, rendered by atmd) shows on Claude's screen.
      const session = after.atm ?? expect.fail('no session');
      expect(session.context).toEqual({ usedTokens: 150_000, windowSize: 1_000_000, usedPercent: 15 });
      const line = `${session.model?.displayName ?? '?'} · ctx 15% · $${(session.cost?.totalUsd ?? 0).toFixed(2)}`;
      await claude.waitForScreen(line, `atm's status line "${line}"`);
      expectTrail(watch.trail(claude.id, sentMs), ['working', 'idle']);
    });

    it(
      '2. a permission dialog reads waiting/permission within 1 s of showing, working once approved',
      { timeout: 120_000 },
      async () => {
        const { watch } = theRig();
        await using claude = await theRig().startClaude();
        const sentMs = await claude.submit('ATM_PERMISSION make a marker');
        const dialogMs = await claude.waitForScreen(PERMISSION_DIALOG, 'the permission dialog');
        const isPermission = (s: Session): boolean => s.status === 'waiting' && s.waitingFor === 'permission';
        const waiting = await pollUntil(() => watch.firstSince(claude.id, sentMs, isPermission), {
          timeoutMs: 10_000,
          what: 'atm to report waiting/permission',
        });
        const waitingDelayMs = waiting.atMs - dialogMs;
        recordTiming('permission', 'dialog on screen -> atm waiting/permission (negative: atm first)', waitingDelayMs);
        expect(waitingDelayMs).toBeLessThanOrEqual(1_000);
        await claude.expectStep({
          what: 'the dialog is open',
          screen: PERMISSION_DIALOG,
          atm: { status: 'waiting', waitingFor: 'permission' },
          atmAlso: isBash('sleep 4 && touch atm-approved.txt'),
        });

        // Nothing reports the approval until the tool ends: atmd reads it from the sessions file.
        const approvedMs = await claude.pressEnterUntilGone(PERMISSION_DIALOG);
        await claude.expectStep({
          what: 'approved: the tool runs',
          screen: (s) => s.includes('Bash(sleep 4 && touch atm-approved.txt)') && s.includes(WORKING_FOOTER),
          atm: working,
        });
        const resumed = watch.firstSince(claude.id, waiting.atMs, (s) => s.status === 'working');
        recordTiming(
          'permission',
          'dialog gone from screen -> atm working',
          (resumed?.atMs ?? Number.NaN) - approvedMs,
        );
        await claude.expectStep({
          what: 'the turn is over',
          screen: (s) => s.includes('The marker is there.') && isAtPrompt(s),
          atm: idle,
        });
        expectTrail(watch.trail(claude.id, sentMs), ['waiting/permission', 'working', 'idle']);
      },
    );

    it('3. AskUserQuestion reads waiting/question', { timeout: 120_000 }, async () => {
      const { watch } = theRig();
      await using claude = await theRig().startClaude();
      const sentMs = await claude.submit('ATM_ASK pick a colour');
      await claude.expectStep({
        what: 'the question is asked',
        screen: (s) => s.includes(QUESTION) && s.includes('Enter to select'),
        atm: { status: 'waiting', waitingFor: 'question' },
        atmAlso: (s) => s.tool?.name === 'AskUserQuestion',
      });
      await claude.pressEnterUntilGone('Enter to select');
      await claude.expectStep({
        what: 'answered, the turn is over',
        screen: (s) => s.includes('Red it is.') && isAtPrompt(s),
        atm: idle,
      });
      expectTrail(watch.trail(claude.id, sentMs), ['waiting/question', 'idle']);
    });

    it(
      '4. Esc during a long-running tool reads idle within 3 s (no hook fires for it)',
      { timeout: 120_000 },
      async () => {
        const { watch, tmux } = theRig();
        await using claude = await theRig().startClaude();
        const sentMs = await claude.submit('ATM_LONG_TOOL wait a while');
        await claude.waitForScreen(PERMISSION_DIALOG, 'the permission dialog (reading /dev is outside the project)');
        await claude.pressEnterUntilGone(PERMISSION_DIALOG);
        await claude.expectStep({
          what: 'the long tool runs',
          screen: (s) => s.includes(`Bash(${LONG_COMMAND})`) && s.includes('Running…'),
          atm: working,
          atmAlso: isBash(LONG_COMMAND),
        });

        // Measured from the Escape that took: if Claude missed one, the next goes 3 s later.
        let escMs = 0;
        for (let attempt = 1; attempt <= 3 && escMs === 0; attempt += 1) {
          const sentMs = Date.now();
          await tmux.sendKeys(claude.pane, 'Escape');
          const took = await claude.waitForScreen('Interrupted', 'the interrupt on screen', 3_000).then(
            () => true,
            () => false,
          );
          if (took) escMs = sentMs;
        }
        expect(escMs, 'Claude never showed "Interrupted" after Escape').toBeGreaterThan(0);
        await claude.expectStep({
          what: 'interrupted, back at the prompt',
          screen: (s) => s.includes('Interrupted') && !s.includes(WORKING_FOOTER),
          atm: idle,
          atmAlso: (s) => s.tool === null,
        });
        const idleAt = watch.firstSince(claude.id, escMs, (s) => s.status === 'idle') ?? expect.fail('no idle update');
        recordTiming('esc', 'Escape sent -> atm idle', idleAt.atMs - escMs);
        expect(idleAt.atMs - escMs).toBeLessThanOrEqual(3_000);
        expectTrail(watch.trail(claude.id, sentMs), ['waiting/permission', 'working', 'idle']);
      },
    );
  },
);
