import type { FakeScript } from '../fake-model-script.js';
import { bash, say, type Scenario } from './recon-scenario.js';

/**
 * `claude -p`, twice: with async capture hooks (as every other scenario) and with synchronous
 * ones, because async hooks still running when -p exits are lost.
 */

const PRINT_SCRIPT: FakeScript = {
  rules: [
    {
      match: 'ATM_PRINT',
      steps: [
        bash('ls atm-e2e-missing-file', 'List a missing file'),
        bash('ls /atm-e2e-missing-dir', 'List a folder outside the project'),
        bash('echo printed-by-bash', 'Print a word'),
        say('Print mode done.'),
      ],
    },
  ],
};

export const PRINT_SCENARIOS: readonly Scenario[] = [
  {
    mode: 'print',
    name: 'print-mode',
    summary:
      '`claude -p` with async hooks: a failing Bash call, one outside the project (denied: no one to ask), an allowed one, then text.',
    prompt: 'ATM_PRINT run three commands',
    script: PRINT_SCRIPT,
  },
  {
    mode: 'print',
    name: 'print-mode-sync-hooks',
    summary: 'The same `claude -p` run with synchronous hooks: compare which events survive the exit.',
    prompt: 'ATM_PRINT run three commands',
    script: PRINT_SCRIPT,
    asyncHooks: false,
  },
];
