/** librosa.hz_to_mel / mel_to_hz, Slaney's auditory-toolbox scale (linear below 1 kHz, log above) or HTK's. */
const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOG_STEP = Math.log(6.4) / 27;

export type MelScale = 'slaney' | 'htk';

export function hzToMel(hz: number, scale: MelScale): number {
  if (scale === 'htk') return 2595 * Math.log10(1 + hz / 700);
  return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
}

export function melToHz(mel: number, scale: MelScale): number {
  if (scale === 'htk') return 700 * (10 ** (mel / 2595) - 1);
  return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
}

/** librosa.mel_frequencies: `count` band edges evenly spaced in mel from fMin to fMax, in Hz. */
export function melFrequencies(count: number, fMin: number, fMax: number, scale: MelScale): Float64Array {
  const low = hzToMel(fMin, scale);
  const high = hzToMel(fMax, scale);
  const step = (high - low) / (count - 1);
  const hz = new Float64Array(count);
  for (let i = 0; i < count; i++) hz[i] = melToHz(i === count - 1 ? high : low + i * step, scale);
  return hz;
}
