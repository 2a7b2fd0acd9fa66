/** Tables shared by the float64 FFT (real-fft.ts) and the wasm kernel: both split a real N-point FFT into an N/2-point complex one. */

export function bitReversalTable(n: number): Uint32Array {
  const bits = Math.log2(n);
  const table = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let reversed = 0;
    for (let b = 0; b < bits; b++) reversed |= ((i >> b) & 1) << (bits - 1 - b);
    table[i] = reversed;
  }
  return table;
}

/** e^{-2 pi i k / n} for k < count, as [re, im] pairs. */
export function unitRoots(n: number, count: number): Float64Array {
  const roots = new Float64Array(2 * count);
  for (let k = 0; k < count; k++) {
    roots[2 * k] = Math.cos((2 * Math.PI * k) / n);
    roots[2 * k + 1] = -Math.sin((2 * Math.PI * k) / n);
  }
  return roots;
}
