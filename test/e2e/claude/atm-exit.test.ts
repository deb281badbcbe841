import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason, startAtmRig, type AtmRig } from './atm-rig.js';
import type { ClaudePane } from './claude-pane.js';
import { isAtPrompt } from './claude-views.js';
import { recordTiming } from './e2e-timings.js';
import { pollUntil } from './poll.js';

/**
 * Scenario 5 of issue 5: a real Claude Code session that ends leaves atm's list within 5 s,
 * whichever way it ends: `/exit` (SessionEnd), the pane killed (SIGHUP; SessionEnd "other"),
 * or SIGKILL (no hook at all, and Claude's sessions file stays behind: only atmd's liveness
 * check can notice).
 */
const reason = skipReason();
const REMOVAL_BUDGET_MS = 5_000;
/** atmd's default daemon.livenessIntervalMs. */
const LIVENESS_PERIOD_MS = 1_000;

describe.skipIf(reason !== null)(
  `a Claude Code session that ends leaves atm${reason === null ? '' : ` (skipped: ${reason})`}`,
  () => {
    let rig: AtmRig | undefined;
    const theRig = (): AtmRig => rig ?? expect.fail('the rig did not start');
    beforeAll(async () => {
      rig = await startAtmRig({ script: { rules: [] } });
    }, 120_000);
    afterAll(async () => {
      await rig?.[Symbol.asyncDispose]();
    }, 60_000);

    /**
     * Waits until atm drops the session, then makes sure it stays dropped: no late report (Claude
     * runs its status line as it exits) brings it back as a ghost. That check is a bounded wait by
     * nature: until claude has exited, plus one liveness period, which would clear a ghost anyway.
     */
    async function removalDelay(claude: ClaudePane, sinceMs: number, how: string): Promise<number> {
      const { watch } = theRig();
      const removedMs = await pollUntil(() => watch.removedSince(claude.id, sinceMs), {
        timeoutMs: 15_000,
        what: `atm to drop the session after ${how}`,
        describeLast: async () => JSON.stringify(await theRig().list(), null, 2),
      });
      recordTiming('exit', `${how} -> gone from atm`, removedMs - sinceMs);
      await pollUntil(() => (claude.isAlive() ? undefined : true), { timeoutMs: 10_000, what: 'claude to exit' });
      await delay(LIVENESS_PERIOD_MS + 500);
      const ghost = watch.firstSince(claude.id, removedMs + 1, () => true);
      expect(ghost, `the session came back after it was removed: ${JSON.stringify(ghost)}`).toBeUndefined();
      expect((await theRig().list()).some((session) => session.id === claude.id)).toBe(false);
      return removedMs - sinceMs;
    }

    /** A fresh claude, with screen, sessions file and atm agreeing that it is idle at its prompt. */
    async function readyClaude(): Promise<ClaudePane> {
      const claude = await theRig().startClaude();
      await claude.expectStep({
        what: 'ready at the prompt',
        screen: isAtPrompt,
        atm: { status: 'idle', waitingFor: null },
      });
      return claude;
    }

    it('5a. /exit removes the session within 5 s', { timeout: 90_000 }, async () => {
      const { tmux, claude: env } = theRig();
      await using claude = await readyClaude();
      await tmux.sendText(claude.pane, '/exit');
      await claude.waitForScreen(/❯ \/exit\s+Exit the CLI/, 'the /exit command suggested');
      const enterMs = Date.now();
      await tmux.sendKeys(claude.pane, 'Enter');
      expect(await removalDelay(claude, enterMs, '/exit Enter')).toBeLessThanOrEqual(REMOVAL_BUDGET_MS);
      expect(existsSync(env.sessionsFilePath(claude.pid))).toBe(false);
    });

    it('5b. killing the pane removes the session within 5 s', { timeout: 90_000 }, async () => {
      const { tmux, claude: env } = theRig();
      await using claude = await readyClaude();
      const killMs = Date.now();
      await tmux.run(['kill-pane', '-t', claude.pane]);
      expect(await removalDelay(claude, killMs, 'tmux kill-pane')).toBeLessThanOrEqual(REMOVAL_BUDGET_MS);
      await pollUntil(() => (existsSync(env.sessionsFilePath(claude.pid)) ? undefined : true), {
        timeoutMs: 10_000,
        what: 'Claude to remove its sessions file on SIGHUP',
      });
    });

    it(
      '5c. SIGKILL (no SessionEnd, sessions file left behind) removes the session within 5 s',
      { timeout: 90_000 },
      async () => {
        const { claude: env } = theRig();
        await using claude = await readyClaude();
        const killMs = Date.now();
        process.kill(claude.pid, 'SIGKILL');
        expect(await removalDelay(claude, killMs, 'SIGKILL')).toBeLessThanOrEqual(REMOVAL_BUDGET_MS);
        // Claude's own file still says idle: atm did not take the file's word for it.
        expect((await claude.readFile())?.status).toBe('idle');
        expect(existsSync(env.sessionsFilePath(claude.pid))).toBe(true);
      },
    );
  },
);
