/** Epoch milliseconds. Everything pure takes `now` as an argument; only the shell asks a Clock. */
export interface Clock {
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };
