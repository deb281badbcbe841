/** One line of `atm doctor`: what was checked, what was found, and for a failure the command that fixes it. */
export interface DoctorCheck {
  readonly name: string;
  /** `warn` is shown but does not fail the run (a Claude Code version atm is not verified with). */
  readonly status: 'pass' | 'fail' | 'warn';
  readonly detail: string;
  readonly fix?: string;
}

export const pass = (name: string, detail: string): DoctorCheck => ({ name, status: 'pass', detail });
export const fail = (name: string, detail: string, fix: string): DoctorCheck => ({ name, status: 'fail', detail, fix });
export const warn = (name: string, detail: string, fix: string): DoctorCheck => ({ name, status: 'warn', detail, fix });

const MARK = { pass: '✓', fail: '✗', warn: '!' } as const;

/** The checks as text: one line each, and the fix indented under a failure. Pure. */
export function renderDoctor(checks: readonly DoctorCheck[]): string[] {
  const width = Math.max(...checks.map((check) => check.name.length));
  const lines: string[] = [];
  for (const check of checks) {
    lines.push(`${MARK[check.status]} ${check.name.padEnd(width)}  ${check.detail}`);
    if (check.fix !== undefined && check.status !== 'pass') lines.push(`  ${' '.repeat(width)}  fix: ${check.fix}`);
  }
  const failed = checks.filter((check) => check.status === 'fail').length;
  lines.push(
    failed === 0 ? 'atm doctor: every check passed' : `atm doctor: ${failed} of ${checks.length} checks failed`,
  );
  return lines;
}

export const toDoctorJson = (checks: readonly DoctorCheck[]): string =>
  JSON.stringify({ ok: checks.every((check) => check.status !== 'fail'), checks }, null, 2);
