/** Figures of a set of latencies, in milliseconds. Pure: tested in stats.test.ts. */

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest value with at least p %
 * of the values at or below it. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0–100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export type LatencySummary = { count: number; p50: number | null; p99: number | null; max: number | null; mean: number | null };

export function summarize(latencies: readonly number[]): LatencySummary {
  const count = latencies.length;
  return {
    count,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: count ? Math.max(...latencies) : null,
    mean: count ? latencies.reduce((sum, l) => sum + l, 0) / count : null,
  };
}

/** How many per second, for `count` events in `ms` milliseconds. */
export function ratePerSecond(count: number, ms: number) {
  return ms > 0 ? (count * 1000) / ms : 0;
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined) {
  return a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;
}
