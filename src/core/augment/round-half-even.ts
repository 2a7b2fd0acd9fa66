/** Python's round() and numpy's np.round: to the nearest integer, ties to the even one. */
export function roundHalfEven(value: number): number {
  const nearest = Math.round(value);
  // Math.round takes ties up, so only an odd result exactly 0.5 above the value is wrong.
  return nearest - value === 0.5 && nearest % 2 !== 0 ? nearest - 1 : nearest;
}
