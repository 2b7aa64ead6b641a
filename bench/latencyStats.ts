/** Nearest-rank percentile of an ascending array of samples. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const formatMs = (v: number): string => `${v.toFixed(2)} ms`;

/** p50/p95/p99 of unsorted samples as printable figures, keyed `<label> p50` … */
export function latencyFigures(label: string, samples: readonly number[]): Record<string, string> {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    [`${label} p50`]: formatMs(percentile(sorted, 50)),
    [`${label} p95`]: formatMs(percentile(sorted, 95)),
    [`${label} p99`]: formatMs(percentile(sorted, 99)),
  };
}
