import { LAUNCHD_LABEL } from './launchd-plist.js';

/**
 * The launchctl commands atm runs on macOS, as argv (execFile, no shell). Pure, so they are
 * tested here although no Mac runs the tests.
 */
const domain = (uid: number): string => `gui/${uid}`;
const target = (uid: number): string => `${domain(uid)}/${LAUNCHD_LABEL}`;

export const toBootstrapArgv = (uid: number, plistPath: string): string[] => ['bootstrap', domain(uid), plistPath];
export const toBootoutArgv = (uid: number): string[] => ['bootout', target(uid)];
/** Restarts the agent: `-k` kills the running atmd first. */
export const toKickstartArgv = (uid: number): string[] => ['kickstart', '-k', target(uid)];
export const toPrintArgv = (uid: number): string[] => ['print', target(uid)];
