import { forwardReport, type ReportContext } from './report.js';

/** `atm hook`: forwards one hook payload. Prints nothing, and main.ts exits 0 whatever happens. */
export async function runHook(ctx: ReportContext): Promise<number> {
  await forwardReport('hook', ctx).catch(() => undefined);
  return 0;
}
