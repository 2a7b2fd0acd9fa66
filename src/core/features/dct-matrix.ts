/**
 * The first `count` rows of the orthonormal DCT-II of size `size` (scipy.fft.dct(type=2, norm='ortho')),
 * row-major: row k holds cos(pi k (2n + 1) / (2 size)) scaled by sqrt(1/size) for k = 0, sqrt(2/size) otherwise.
 */
export function dctMatrix(count: number, size: number): Float64Array {
  const matrix = new Float64Array(count * size);
  for (let k = 0; k < count; k++) {
    const scale = Math.sqrt((k === 0 ? 1 : 2) / size);
    for (let n = 0; n < size; n++) matrix[k * size + n] = scale * Math.cos((Math.PI * k * (2 * n + 1)) / (2 * size));
  }
  return matrix;
}
