/** Mean and sample standard deviation of per-fold figures (sd 0 for one fold). */
export interface MeanSd {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

export function meanSd(values: readonly number[]): MeanSd {
  const n = values.length;
  if (n === 0) return { mean: 0, sd: 0, n };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = n < 2 ? 0 : values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  return { mean, sd: Math.sqrt(variance), n };
}

/**
 * Recipe B against recipe A on the same folds: the mean and sd of the per-fold differences B - A.
 * Pairing removes what the folds' speakers contribute to both, so a difference smaller than the
 * spread of either recipe's scores can still be told from noise.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): MeanSd {
  if (a.length !== b.length) throw new RangeError(`paired figures need the same folds: ${a.length} against ${b.length}`);
  return meanSd(b.map((value, fold) => value - a[fold]));
}

/** "62.3 ± 4.1" in percent. */
export function formatMeanSd({ mean, sd }: MeanSd, digits = 1): string {
  return `${(mean * 100).toFixed(digits)} ± ${(sd * 100).toFixed(digits)}`;
}
