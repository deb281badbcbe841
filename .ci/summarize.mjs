// Turns vitest's JSON report into the one line this CI reads: "N passed, N failed, N skipped".
// A run that failed without a failing test (a file that did not load, a crash) counts as failed.
import { readFileSync } from 'node:fs';

const [file, statusText] = process.argv.slice(2);
const status = Number(statusText);
let report = {};
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  // no report at all: the run crashed before writing it
}
const passed = report.numPassedTests ?? 0;
let failed = report.numFailedTests ?? 0;
if (status !== 0 && failed === 0) failed = Math.max(1, report.numFailedTestSuites ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
