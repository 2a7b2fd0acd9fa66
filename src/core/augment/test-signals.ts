/** Signals and measurements shared by the augmentation tests. */

export function tone(frequency: number, sampleRate: number, length: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return out;
}

/** Silence with a short burst (a decaying 2 kHz cosine of `length` samples, so it starts with a click of 1) at `onset`. */
export function burstAt(onset: number, total: number, sampleRate: number, length = 64): Float32Array {
  const out = new Float32Array(total);
  for (let i = 0; i < length && onset + i < total; i++) {
    out[onset + i] = Math.exp(-i / (length / 4)) * Math.cos((2 * Math.PI * 2000 * i) / sampleRate);
  }
  return out;
}

/** A deterministic speech-like test signal: a few harmonics with a slow vibrato and an envelope. */
export function voiced(sampleRate: number, length: number): Float32Array {
  const out = new Float32Array(length);
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const f0 = 140 + 20 * Math.sin((2 * Math.PI * 3 * i) / sampleRate);
    phase += (2 * Math.PI * f0) / sampleRate;
    const envelope = 0.5 + 0.5 * Math.sin((2 * Math.PI * 1.5 * i) / sampleRate);
    out[i] = envelope * (0.4 * Math.sin(phase) + 0.2 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase + 1));
  }
  return out;
}

/** Frequency from the upward zero crossings in [from, to), interpolated between samples. */
export function zeroCrossingFrequency(samples: Float32Array, sampleRate: number, from: number, to: number): number {
  let first = -1;
  let last = -1;
  let crossings = 0;
  for (let i = from; i + 1 < to; i++) {
    if (samples[i] < 0 && samples[i + 1] >= 0) {
      const at = i + samples[i] / (samples[i] - samples[i + 1]);
      if (first < 0) first = at;
      last = at;
      crossings++;
    }
  }
  return ((crossings - 1) * sampleRate) / (last - first);
}

export function rms(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / (to - from));
}

/** The energy-weighted mean sample index: where a burst is, robust to the phase vocoder's smearing. */
export function energyCentroid(samples: Float32Array): number {
  let weighted = 0;
  let energy = 0;
  for (let i = 0; i < samples.length; i++) {
    weighted += i * samples[i] * samples[i];
    energy += samples[i] * samples[i];
  }
  return weighted / energy;
}

/** The first index whose magnitude exceeds `threshold`, or -1. */
export function onsetIndex(samples: Float32Array, threshold = 1e-3): number {
  return samples.findIndex((value) => Math.abs(value) > threshold);
}

export function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
