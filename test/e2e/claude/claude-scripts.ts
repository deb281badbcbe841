import type { FakeReply, FakeUsage } from './fake-model-script.js';

/** Building blocks for the fake model's scripts in the atm scenarios. */

export const bash = (command: string, description: string, text?: string): FakeReply => ({
  kind: 'tool_use',
  name: 'Bash',
  input: { command, description },
  ...(text === undefined ? {} : { text }),
});

export const say = (text: string, usage?: FakeUsage): FakeReply => ({
  kind: 'text',
  text,
  ...(usage === undefined ? {} : { usage }),
});

export const QUESTION = 'Which colour should the button be?';

/** AskUserQuestion with one single-choice question; Enter picks "Red". */
export const askColour: FakeReply = {
  kind: 'tool_use',
  name: 'AskUserQuestion',
  input: {
    questions: [
      {
        question: QUESTION,
        header: 'Colour',
        multiSelect: false,
        options: [
          { label: 'Red', description: 'Warm and loud' },
          { label: 'Blue', description: 'Calm and cool' },
        ],
      },
    ],
  },
};

/** Claude refuses long `sleep`s; this runs until interrupted (and asks permission: /dev is outside the project). */
export const LONG_COMMAND = 'timeout 60 tail -f /dev/null';
