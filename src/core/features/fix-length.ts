/** librosa.util.fix_length: zero-pad at the end or cut, to exactly `length` samples. */
export function fixLength(samples: Float32Array, length: number): Float32Array {
  if (samples.length === length) return samples;
  if (samples.length > length) return samples.subarray(0, length);
  const padded = new Float32Array(length);
  padded.set(samples);
  return padded;
}
