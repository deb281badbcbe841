import type { Scenario } from './recon-scenario.js';
import { DIALOG_SCENARIOS } from './recon-scenarios-dialogs.js';
import { LIFECYCLE_SCENARIOS } from './recon-scenarios-lifecycle.js';
import { PRINT_SCENARIOS } from './recon-scenarios-print.js';

/** Every recon scenario, in the order run-recon.ts runs them (names are fixture folder names). */
export const SCENARIOS: readonly Scenario[] = [...DIALOG_SCENARIOS, ...LIFECYCLE_SCENARIOS, ...PRINT_SCENARIOS];
