/**
 * Small statistics and formatting helpers for the benches. Runs are summarised by their median
 * (robust against one run hit by a neighbour on a shared machine) and shown with their range.
 */

/**
 * The value below which `p` percent of `values` fall, by linear interpolation between the two
 * nearest ranks (p=50 is the median). NaN for an empty list.
 * @param {readonly number[]} values
 * @param {number} p 0..100
 * @returns {number}
 */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = /** @type {number} */ (sorted[low]);
  const highValue = /** @type {number} */ (sorted[high]);
  return lowValue + (highValue - lowValue) * (rank - low);
}

/** @param {readonly number[]} values */
export const median = (values) => percentile(values, 50);

/**
 * A number for a table: thousands separators, `digits` decimals, "n/a" for NaN.
 * @param {number} value
 * @param {number} [digits]
 */
export function formatNumber(value, digits = 0) {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * "median (min–max)" of several runs; only the median when there is a single run.
 * @param {readonly number[]} values
 * @param {number} [digits]
 */
export function formatRuns(values, digits = 0) {
  const mid = formatNumber(median(values), digits);
  if (values.length < 2) return mid;
  return `${mid} (${formatNumber(Math.min(...values), digits)}–${formatNumber(Math.max(...values), digits)})`;
}

/**
 * "×1.23": how many times `value` is `base`, from the medians of two series.
 * @param {readonly number[]} value
 * @param {readonly number[]} base
 */
export function formatRatio(value, base) {
  const ratio = median(value) / median(base);
  return Number.isFinite(ratio) ? `×${formatNumber(ratio, 2)}` : 'n/a';
}

/**
 * A GitHub-flavoured markdown table.
 * @param {readonly string[]} header
 * @param {readonly (readonly string[])[]} rows
 * @returns {string}
 */
export function markdownTable(header, rows) {
  const line = (/** @type {readonly string[]} */ cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
