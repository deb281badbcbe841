import type { FakeReply, FakeScript } from '../fake-model-script.js';
import type { InteractiveRecon } from './recon-session.js';
import { settleAfterTurn } from './recon-steps.js';

/**
 * A recon scenario drives one real `claude` through one situation atm must follow, while every
 * hook, statusLine call and sessions-file change is captured. Prompts carry an ATM_* keyword
 * that the fake model's script keys on.
 */
export type Scenario =
  | {
      readonly mode: 'interactive';
      readonly name: string;
      readonly summary: string;
      readonly script: FakeScript;
      /** Extra permission allow rules for settings.json. */
      readonly allow?: readonly string[];
      readonly run: (recon: InteractiveRecon) => Promise<void>;
    }
  | {
      readonly mode: 'print';
      readonly name: string;
      readonly summary: string;
      readonly script: FakeScript;
      readonly prompt: string;
      readonly asyncHooks?: boolean;
    };

export const bash = (command: string, description: string, text?: string): FakeReply => ({
  kind: 'tool_use',
  name: 'Bash',
  input: { command, description },
  ...(text === undefined ? {} : { text }),
});

export const say = (text: string): FakeReply => ({ kind: 'text', text });

/** Submit a prompt whose reply is plain text, and wait until the turn is fully over. */
export async function promptAndSettle(recon: InteractiveRecon, prompt: string, doneText: string): Promise<void> {
  await recon.submit(prompt);
  const sentMs = Date.now();
  await recon.waitForScreen(doneText, 'reply shown');
  await settleAfterTurn(recon, sentMs);
}
