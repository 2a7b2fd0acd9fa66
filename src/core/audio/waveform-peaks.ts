/** A waveform drawn at a fixed width: the lowest and highest sample of each column. */
export interface WaveformPeaks {
  readonly min: Float32Array;
  readonly max: Float32Array;
  /** Seconds of audio the columns span. */
  readonly duration: number;
}

/**
 * Min and max of each of `columns` equal stretches of the signal (fewer when the signal is
 * shorter): what a waveform view draws, a few kilobytes for a clip of any length.
 */
export function waveformPeaks(samples: Float32Array, sampleRate: number, columns: number): WaveformPeaks {
  const count = Math.max(0, Math.min(columns, samples.length));
  const min = new Float32Array(count);
  const max = new Float32Array(count);
  for (let column = 0; column < count; column++) {
    const start = Math.floor((column * samples.length) / count);
    const end = Math.floor(((column + 1) * samples.length) / count);
    let low = samples[start];
    let high = samples[start];
    for (let index = start + 1; index < end; index++) {
      const value = samples[index];
      if (value < low) low = value;
      else if (value > high) high = value;
    }
    min[column] = low;
    max[column] = high;
  }
  return { min, max, duration: samples.length / sampleRate };
}
