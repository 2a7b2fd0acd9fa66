/** `numerator / denominator`, or 0 when the denominator is 0: scikit-learn's `zero_division=0`. */
export function safeRatio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
