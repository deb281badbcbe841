import { setTimeout as delay } from 'node:timers/promises';
import { promptAndSettle, say, type Scenario } from './recon-scenario.js';
import {
  exitWithCommand,
  readProcStartTicks,
  removeStaleMessagingSocket,
  saveScreen,
  waitForSessionsStatus,
} from './recon-steps.js';

/** Scenarios about a session's life: idle, the ways it ends, subagents, compaction, API errors. */

export const LIFECYCLE_SCENARIOS: readonly Scenario[] = [
  {
    mode: 'interactive',
    name: 'idle-then-exit',
    summary:
      'A plain text turn with large usage (150k context tokens: statusLine shows 15 %), then ~60 s idle until the idle_prompt Notification, then /exit.',
    script: {
      rules: [
        {
          match: 'ATM_HELLO',
          steps: [
            {
              kind: 'text',
              text: 'Hello from the fake model.',
              usage: {
                inputTokens: 100_000,
                cacheCreationInputTokens: 20_000,
                cacheReadInputTokens: 30_000,
                outputTokens: 2_500,
              },
            },
          ],
        },
      ],
    },
    async run(recon) {
      await recon.snapshotSessionsFile('before-prompt');
      await promptAndSettle(recon, 'ATM_HELLO say hello', 'Hello from the fake model.');
      const idleFromMs = Date.now();
      await recon.waitForCapture('Notification', { afterMs: idleFromMs, timeoutMs: 120_000 });
      await recon.snapshotSessionsFile('after-idle-notification');
      await exitWithCommand(recon);
      await recon.snapshotSessionsFile('after-exit');
    },
  },
  {
    mode: 'interactive',
    name: 'kill-pane',
    summary:
      'A plain text turn, then `tmux kill-pane` (claude gets SIGHUP): which hooks fire, and whether the sessions file stays.',
    script: { rules: [{ match: 'ATM_HELLO', steps: [say('Hello from the fake model.')] }] },
    async run(recon) {
      await promptAndSettle(recon, 'ATM_HELLO say hello', 'Hello from the fake model.');
      await recon.tmux.run(['kill-pane', '-t', recon.pane]);
      const killedMs = Date.now();
      recon.mark('tmux kill-pane');
      await recon.waitForCapture('SessionEnd', { afterMs: killedMs, timeoutMs: 5_000 }).then(
        () => recon.mark('SessionEnd captured'),
        () => recon.mark('no SessionEnd within 5 s'),
      );
      await delay(2_000);
      await recon.snapshotSessionsFile('2s-after-kill');
    },
  },
  {
    mode: 'interactive',
    name: 'sigkill',
    summary:
      'A plain text turn, then SIGKILL to claude: no hook can fire, so does the sessions file stay behind? Also checks procStart.',
    script: { rules: [{ match: 'ATM_HELLO', steps: [say('Hello from the fake model.')] }] },
    async run(recon) {
      await promptAndSettle(recon, 'ATM_HELLO say hello', 'Hello from the fake model.');
      const ticks = await readProcStartTicks(recon.claudePid);
      recon.saved.set(
        'proc-stat-starttime.txt',
        `/proc/<claude pid>/stat field 22 (starttime): ${ticks ?? 'unavailable'}\n`,
      );
      process.kill(recon.claudePid, 'SIGKILL');
      const killedMs = Date.now();
      recon.mark('SIGKILL sent to claude');
      await recon.waitForCapture('SessionEnd', { afterMs: killedMs, timeoutMs: 3_000 }).then(
        () => recon.mark('SessionEnd captured'),
        () => recon.mark('no SessionEnd within 3 s'),
      );
      await recon.snapshotSessionsFile('3s-after-sigkill');
      await removeStaleMessagingSocket(recon);
    },
  },
  {
    mode: 'interactive',
    name: 'subagent',
    summary: 'The Agent tool starts a subagent (its own model turn), which reports back; then /exit.',
    script: {
      rules: [
        { match: 'ATM_SUBAGENT_TASK', steps: [say('Subagent report: nothing to do.')] },
        {
          match: 'ATM_SUBAGENT',
          steps: [
            {
              kind: 'tool_use',
              name: 'Agent',
              input: {
                description: 'Check the project',
                prompt: 'ATM_SUBAGENT_TASK look around',
                subagent_type: 'general-purpose',
              },
            },
            say('The subagent finished.'),
          ],
        },
      ],
    },
    async run(recon) {
      await promptAndSettle(recon, 'ATM_SUBAGENT delegate it', 'The subagent finished.');
      await exitWithCommand(recon);
    },
  },
  {
    mode: 'interactive',
    name: 'compact',
    summary: 'A text turn, then /compact (PreCompact, a new SessionStart, statusLine after compaction); then /exit.',
    script: {
      rules: [{ match: 'ATM_HELLO', steps: [say('Hello from the fake model.')] }],
      fallback: say('Summary: we said hello.'),
    },
    async run(recon) {
      await promptAndSettle(recon, 'ATM_HELLO say hello', 'Hello from the fake model.');
      const compactMs = Date.now();
      await recon.submit('/compact');
      await recon.waitForCapture('PreCompact', { afterMs: compactMs });
      await recon.waitForScreen(/[Cc]ompacted/, 'compacted shown', 30_000);
      await saveScreen(recon, 'after-compact');
      await recon.waitForCapture('statusline', { afterMs: Date.now(), timeoutMs: 10_000 }).catch(() => undefined);
      await exitWithCommand(recon);
    },
  },
  {
    mode: 'interactive',
    name: 'api-error',
    summary: 'The API answers 400 invalid_request_error: StopFailure instead of Stop; then /exit.',
    script: {
      rules: [
        {
          match: 'ATM_API_ERROR',
          steps: [
            {
              kind: 'error',
              status: 400,
              errorType: 'invalid_request_error',
              message: 'fake: this request was refused',
            },
          ],
        },
      ],
    },
    async run(recon) {
      await recon.submit('ATM_API_ERROR fail please');
      const sentMs = Date.now();
      await recon.waitForCapture('StopFailure', { afterMs: sentMs }).then(
        () => recon.mark('StopFailure captured'),
        () => recon.mark('no StopFailure within 20 s'),
      );
      await waitForSessionsStatus(recon, 'idle');
      await saveScreen(recon, 'after-error');
      await exitWithCommand(recon);
    },
  },
];
