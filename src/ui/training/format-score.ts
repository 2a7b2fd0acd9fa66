/** A rate from 0 to 1 as a percentage: `0.6123` → `61.2%`. */
export function formatPercent(rate: number, digits = 1): string {
  return Number.isFinite(rate) ? `${(rate * 100).toFixed(digits)}%` : String(rate);
}

/** A loss to four significant digits (`0.6931`, `12.35`); NaN and Infinity, which a diverging run gives, as such. */
export function formatLoss(loss: number): string {
  return Number.isFinite(loss) ? Number(loss.toPrecision(4)).toString() : String(loss);
}

/** A value that may be missing (no validation split), with a dash for none. */
export function formatOptional(value: number | null, format: (value: number) => string): string {
  return value === null ? '–' : format(value);
}
