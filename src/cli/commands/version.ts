import { PACKAGE_VERSION } from '../../platform/package-info.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { printLine } from '../output.js';

/** `atm version`, the same as `atm --version`. */
export const run: CommandRunner = () => {
  printLine(`atm ${PACKAGE_VERSION}`);
  return Promise.resolve(0);
};
