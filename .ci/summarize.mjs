// Turns vitest's JSON reports into the one line this CI reads: "N passed, N failed, N skipped".
// Arguments: pairs of <report file> <exit status>, one pair per run (the main run, then each
// other Node version). A run that failed without a failing test (a file that did not load, a
// crash) counts as one failure.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (let i = 0; i + 1 < args.length; i += 2) {
  const status = Number(args[i + 1]);
  let report = {};
  try {
    report = JSON.parse(readFileSync(args[i], 'utf8'));
  } catch {
    // no report at all: the run crashed before writing it
  }
  passed += report.numPassedTests ?? 0;
  let runFailed = report.numFailedTests ?? 0;
  if (status !== 0 && runFailed === 0) runFailed = Math.max(1, report.numFailedTestSuites ?? 0);
  failed += runFailed;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
