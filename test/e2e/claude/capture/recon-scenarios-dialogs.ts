import { setTimeout as delay } from 'node:timers/promises';
import { bash, say, type Scenario } from './recon-scenario.js';
import {
  approvePermissionDialog,
  exitWithCommand,
  PERMISSION_DIALOG_TEXT,
  saveScreen,
  saveTranscriptTail,
  settleAfterTurn,
  waitForSessionsStatus,
} from './recon-steps.js';

/** Scenarios where Claude Code waits for the human: permission, question, and Esc mid-tool. */

const LONG_COMMAND = 'timeout 60 tail -f /dev/null';

export const DIALOG_SCENARIOS: readonly Scenario[] = [
  {
    mode: 'interactive',
    name: 'bash-permission',
    summary:
      'A Bash tool call that needs permission: dialog, Notification ~6 s later, approve, tool runs, turn ends; then /exit.',
    script: {
      rules: [
        {
          match: 'ATM_BASH_PERMISSION',
          steps: [
            bash('touch atm-e2e-marker.txt', 'Create a marker file', 'Creating the marker.'),
            say('Created the marker file.'),
          ],
        },
      ],
    },
    async run(recon) {
      await recon.submit('ATM_BASH_PERMISSION create the marker');
      const sentMs = Date.now();
      await recon.waitForScreen(PERMISSION_DIALOG_TEXT, 'permission dialog');
      await saveScreen(recon, 'permission-dialog');
      await recon.waitForCapture('Notification', { afterMs: sentMs });
      await approvePermissionDialog(recon);
      await recon.waitForScreen('Created the marker file.', 'reply shown');
      await settleAfterTurn(recon, sentMs);
      await saveScreen(recon, 'after-turn');
      await exitWithCommand(recon);
    },
  },
  {
    mode: 'interactive',
    name: 'ask-user-question',
    summary:
      'AskUserQuestion: the question UI, Notification ~6 s later, answer with Enter (first option), turn ends; then /exit.',
    script: {
      rules: [
        {
          match: 'ATM_ASK',
          steps: [
            {
              kind: 'tool_use',
              name: 'AskUserQuestion',
              input: {
                questions: [
                  {
                    question: 'Which color should the button be?',
                    header: 'Color',
                    multiSelect: false,
                    options: [
                      { label: 'Red', description: 'Warm and loud' },
                      { label: 'Blue', description: 'Calm and cool' },
                    ],
                  },
                ],
              },
            },
            say('Blue it is not; red it is.'),
          ],
        },
      ],
    },
    async run(recon) {
      await recon.submit('ATM_ASK pick a color');
      const sentMs = Date.now();
      await recon.waitForScreen('Which color should the button be?', 'question shown');
      await saveScreen(recon, 'question');
      await recon.waitForCapture('Notification', { afterMs: sentMs });
      await recon.tmux.sendKeys(recon.pane, 'Enter');
      recon.mark('keys:answer (Enter on "1. Red")');
      await recon.waitForScreen('red it is.', 'reply shown');
      await settleAfterTurn(recon, sentMs);
      await exitWithCommand(recon);
    },
  },
  {
    mode: 'interactive',
    name: 'esc-long-tool',
    summary: `Esc while a long Bash tool runs (${LONG_COMMAND}, approved in its dialog): no hook fires; the sessions file and the transcript are the witnesses; then /exit.`,
    script: {
      rules: [{ match: 'ATM_LONG_TOOL', steps: [bash(LONG_COMMAND, 'Wait for a minute'), say('Finished waiting.')] }],
    },
    async run(recon) {
      await recon.submit('ATM_LONG_TOOL wait a while');
      // Reading /dev is outside the project, so even an allow rule still asks: approve it.
      await recon.waitForScreen(PERMISSION_DIALOG_TEXT, 'permission dialog');
      await approvePermissionDialog(recon);
      await recon.waitForScreen('Running…', 'tool running');
      await waitForSessionsStatus(recon, 'busy');
      await recon.snapshotSessionsFile('during-tool');
      await saveScreen(recon, 'tool-running');
      await delay(1_000); // let the tool run for a moment, as a user would
      await recon.tmux.sendKeys(recon.pane, 'Escape');
      recon.mark('keys:Escape');
      await recon.waitForScreen('Interrupted', 'interrupted shown');
      await waitForSessionsStatus(recon, 'idle');
      await recon.snapshotSessionsFile('after-esc');
      await saveScreen(recon, 'after-esc');
      await delay(3_000); // any hook that would fire for the interrupt has fired by now
      recon.mark('3 s after Esc');
      await saveTranscriptTail(recon, 'after-esc');
      await exitWithCommand(recon);
    },
  },
];
