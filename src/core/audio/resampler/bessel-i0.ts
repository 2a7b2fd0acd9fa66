/**
 * The modified Bessel function of the first kind, order 0: I0(x) = sum_k ((x/2)^k / k!)^2.
 *
 * Summed until the terms stop changing a float64, so it is exact to about 1 ulp for the arguments
 * a Kaiser window uses (|x| up to ~40; the resampler's betas are 10 to 16).
 */
export function besselI0(x: number): number {
  const quarterSquare = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= quarterSquare / (k * k);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}
