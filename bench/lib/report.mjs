import { describeMachine } from './machine.mjs';
import { markdownTable } from './stats.mjs';

/**
 * Prints one bench's result the same way for every script: a heading, the table, then notes
 * and the machine line, so run-all's output can be pasted into docs/PERFORMANCE.md as is.
 * @param {{ title: string, args: import('./args.mjs').BenchArgs, header: string[], rows: string[][], notes?: string[] }} report
 */
export function printReport({ title, args, header, rows, notes = [] }) {
  const mode = args.quick ? 'quick mode: smoke check only, not for quoting' : `median of ${args.runs} runs (min–max)`;
  const lines = [`### ${title}`, '', `_${mode}_`, '', markdownTable(header, rows), ''];
  for (const note of notes) lines.push(`- ${note}`);
  lines.push(`- machine: ${describeMachine()}`, '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Runs `main`, and turns a failure into a message and exit status 1 (the smoke test and
 * run-all look at the status), making sure no child server is left behind.
 * @param {() => Promise<void>} main
 */
export function runBench(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(
        `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
