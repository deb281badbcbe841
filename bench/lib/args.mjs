import { parseArgs } from 'node:util';

/**
 * @typedef {object} BenchArgs
 * @property {number} runs how many times each measurement is repeated (the tables show the median)
 * @property {boolean} quick a smoke check: tiny workloads, numbers not worth quoting
 */

/**
 * Reads `--runs N` and `--quick` (the only options every bench takes). Unknown options are an
 * error, so a typo does not silently run the default.
 * @param {readonly string[]} argv process.argv.slice(2)
 * @param {{ runs?: number }} [defaults]
 * @returns {BenchArgs}
 */
export function parseBenchArgs(argv, defaults = {}) {
  const { values } = parseArgs({
    args: [...argv],
    options: { runs: { type: 'string' }, quick: { type: 'boolean', default: false } },
    strict: true,
  });
  const runs = values.runs === undefined ? (defaults.runs ?? 5) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive integer, got ${values.runs}`);
  return { runs, quick: values.quick ?? false };
}
