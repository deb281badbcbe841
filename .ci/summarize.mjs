// Turns vitest's JSON reports into the one line this CI reads: "N passed, N failed, N skipped".
// Arguments: pairs of <report file> <exit status>, one pair per run (the main run, then each
// other Node version). A run that failed without a failing test (a file that did not load, a
// crash) counts as one failure.
//
// CI keeps only the tail of the log, so each failed test (its run, file, name and the first line
// of its error) is listed just above the summary line: a failure that does not repeat locally
// can still be traced to its test.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const args = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (let i = 0; i + 1 < args.length; i += 2) {
  const status = Number(args[i + 1]);
  const run = i === 0 ? 'main run' : `run ${i / 2 + 1}`;
  let report = {};
  try {
    report = JSON.parse(readFileSync(args[i], 'utf8'));
  } catch {
    // no report at all: the run crashed before writing it
    if (status !== 0) failures.push(`${run}: no report (the run exited ${status} before writing one)`);
  }
  passed += report.numPassedTests ?? 0;
  let runFailed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const name = relative(process.cwd(), file.name ?? '?');
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) {
      failures.push(`${run}: ${name} > ${test.fullName ?? test.title} — ${firstLine(test.failureMessages?.[0])}`);
    }
    if (failedTests.length === 0 && file.status === 'failed')
      failures.push(`${run}: ${name} — ${firstLine(file.message)}`);
  }
  if (status !== 0 && runFailed === 0) runFailed = Math.max(1, report.numFailedTestSuites ?? 0);
  failed += runFailed;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
for (const line of failures) console.log(`FAILED ${line}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);

function firstLine(text) {
  const line =
    String(text ?? '')
      .split('\n')
      .find((part) => part.trim() !== '') ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
