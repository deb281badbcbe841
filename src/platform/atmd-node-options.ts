/**
 * The node options every launcher atm controls starts atmd with: the detached start of
 * src/client/daemon-launcher.ts and the units `atm service install` writes (systemd ExecStart,
 * launchd ProgramArguments). A young generation capped at 4 MiB a semi-space (Node 20's default
 * grows to 16) keeps a busy atmd about 13 MiB smaller at 1,000 sessions for no measurable ingest
 * cost; measured in docs/PERFORMANCE.md ("V8's young generation").
 */
export const ATMD_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];

/** node's argv for atmd: the options, then atmd's entry. */
export function toAtmdArgv(entry: string): string[] {
  return [...ATMD_NODE_OPTIONS, entry];
}
