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

/**
 * Radix4Fft's twiddles (radix-fft.ts) for sizes up to maxSize, computed by the same expressions but
 * laid out for vectors: for the stage of quarter-span q, at 6·(q - 1), six planes of q values, the
 * re and im parts of w^j, w^2j and w^3j, w = e^{-2πi/4q}.
 */
export function planarRadix4Twiddles(maxSize: number): Float64Array {
  const tw = new Float64Array(6 * Math.max(1, maxSize));
  for (let q = 1; 4 * q <= maxSize; q <<= 1) {
    const base = 6 * (q - 1);
    for (let j = 0; j < q; j++) {
      const angle = (-2 * Math.PI * j) / (4 * q);
      tw[base + j] = Math.cos(angle);
      tw[base + q + j] = Math.sin(angle);
      tw[base + 2 * q + j] = Math.cos(2 * angle);
      tw[base + 3 * q + j] = Math.sin(2 * angle);
      tw[base + 4 * q + j] = Math.cos(3 * angle);
      tw[base + 5 * q + j] = Math.sin(3 * angle);
    }
  }
  return tw;
}
