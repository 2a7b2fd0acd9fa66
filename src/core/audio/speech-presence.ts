import { realFftOfSize } from '../dsp/real-fft';

/** What the speech check measured in a clip, and its verdict. */
export interface SpeechPresence {
  readonly speech: boolean;
  /** Why the clip is not speech, as the end of a sentence ("it is a steady tone"); null for speech. */
  readonly reason: string | null;
  /** Seconds of frames with a voice-like pitch (periodic, with harmonics). */
  readonly voicedSeconds: number;
  /** Shares of the frames above the clip's noise floor that are voiced, and that are a pure tone. */
  readonly voicedShare: number;
  readonly tonalShare: number;
  /** Share of neighbouring voiced frames whose pitch holds within 0.2%: instruments and tones hold, voices wander. */
  readonly steadyPitchShare: number;
  /** 90th minus 10th percentile of the frames' levels, in dB: speech comes in syllables, steady sounds do not. */
  readonly levelRangeDb: number;
}

const FRAME_SECONDS = 0.04;
const HOP_SECONDS = 0.02;
/** Pitch range searched: low male voices to children's and raised voices. */
const MIN_PITCH_HZ = 60;
const MAX_PITCH_HZ = 500;
/** A frame is voiced when its normalised autocorrelation peaks this high at a pitch lag... */
const VOICING = 0.55;
/** ...and no one spectral peak holds this share of its energy (a sine's does; a voice's harmonics share it). */
const TONAL_CONCENTRATION = 0.6;
/** ...and its peak is not many times its RMS: a click's is, a voice's glottal pulses are not. */
const MAX_CREST_FACTOR = 6;
/** Frames this far below the loudest, or below -60 dBFS, are background. */
const ACTIVE_RANGE_DB = 40;
const ACTIVE_FLOOR_DB = -60;
const STEADY_PITCH_OCTAVES = 0.003;
/** The band whose fine structure shows a pitch: fundamentals and the first harmonics, where a voice stands above noise. */
const PITCH_BAND_HZ: readonly [number, number] = [50, 1500];
/** Width of the moving average that flattens the spectrum: wider than the spacing of the highest pitch's harmonics. */
const WHITENING_HZ = 250;

/** The verdict's bounds, each with the reason it gives. */
const MIN_VOICED_SECONDS = 0.1;
/** Shorter than this, a clip holds a syllable or two: too little to hear an emotion in. */
export const MIN_SPEECH_SECONDS = 0.5;
const MAX_TONAL_SHARE = 0.5;
const MAX_STEADY_PITCH_SHARE = 0.4;
const MIN_LEVEL_RANGE_DB = 6;

/**
 * Whether a clip holds speech, so that noise, tones, chirps, clicks and instrument-like sounds get
 * "no speech found" instead of an emotion. Frame by frame (40 ms, hop 20 ms): level, the peak of
 * the pre-emphasised frame's normalised autocorrelation over pitch lags (voicing), and the share of
 * its energy in its strongest spectral peak (a pure tone). Speech needs some voiced frames, not a
 * tone, a pitch that moves, and a level that rises and falls with syllables.
 */
export function speechPresence(samples: Float32Array, sampleRate: number): SpeechPresence {
  const frames = analyseFrames(samples, sampleRate);
  // A reduce, not Math.max(...): an hour of audio has more frames than a call takes arguments.
  const loudest = frames.reduce((max, frame) => Math.max(max, frame.levelDb), -Infinity);
  const active = frames.filter((frame) => frame.levelDb >= Math.max(ACTIVE_FLOOR_DB, loudest - ACTIVE_RANGE_DB));
  const tonal = active.filter((frame) => frame.concentration >= TONAL_CONCENTRATION);
  const voicedFlags = frames.map((frame) => frame.levelDb >= Math.max(ACTIVE_FLOOR_DB, loudest - ACTIVE_RANGE_DB) && frame.voicing >= VOICING && frame.concentration < TONAL_CONCENTRATION && frame.crestFactor < MAX_CREST_FACTOR);
  const voiced = voicedFlags.filter(Boolean).length;
  let pairs = 0;
  let steady = 0;
  for (let index = 1; index < frames.length; index++) {
    if (!voicedFlags[index] || !voicedFlags[index - 1]) continue;
    pairs++;
    if (Math.abs(Math.log2(frames[index].pitchHz / frames[index - 1].pitchHz)) < STEADY_PITCH_OCTAVES) steady++;
  }
  const measured = {
    voicedSeconds: voiced * HOP_SECONDS,
    voicedShare: active.length === 0 ? 0 : voiced / active.length,
    tonalShare: active.length === 0 ? 0 : tonal.length / active.length,
    steadyPitchShare: pairs === 0 ? 0 : steady / pairs,
    levelRangeDb: percentile(frames.map((frame) => frame.levelDb), 0.9) - percentile(frames.map((frame) => frame.levelDb), 0.1),
  };
  const seconds = samples.length / sampleRate;
  const reason = seconds < MIN_SPEECH_SECONDS ? `it lasts only ${seconds.toFixed(2)} s, too short to hear an emotion in` : verdict(measured);
  return { speech: reason === null, reason, ...measured };
}

function verdict(measured: Omit<SpeechPresence, 'speech' | 'reason'>): string | null {
  if (measured.tonalShare > MAX_TONAL_SHARE) return 'it is mostly a steady tone, with no voice in it';
  if (measured.voicedSeconds < MIN_VOICED_SECONDS) return 'nothing in it has the pitch of a voice: it sounds like noise or clicks';
  if (measured.steadyPitchShare > MAX_STEADY_PITCH_SHARE) return 'its pitch holds as steady as a tone\'s or an instrument\'s, not a voice\'s';
  if (measured.levelRangeDb < MIN_LEVEL_RANGE_DB) return 'its level never rises and falls as speech does: it sounds like a steady noise or tone';
  return null;
}

interface FrameAnalysis {
  readonly levelDb: number;
  readonly voicing: number;
  readonly pitchHz: number;
  readonly concentration: number;
  readonly crestFactor: number;
}

function analyseFrames(samples: Float32Array, sampleRate: number): FrameAnalysis[] {
  const frameLength = Math.round(FRAME_SECONDS * sampleRate);
  const hop = Math.round(HOP_SECONDS * sampleRate);
  let size = 8;
  while (size < 2 * frameLength) size *= 2;
  const fft = realFftOfSize(size);
  const window = Float64Array.from({ length: frameLength }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / frameLength));
  const windowCorrelation = autocorrelationOf(window);
  const [minLag, maxLag] = [Math.floor(sampleRate / MAX_PITCH_HZ), Math.min(frameLength - 2, Math.ceil(sampleRate / MIN_PITCH_HZ))];
  const re = new Float64Array(size / 2 + 1);
  const im = new Float64Array(size / 2 + 1);
  const power = new Float64Array(size / 2 + 1);
  // Pre-emphasis (1 - 0.97 z^-1) as a gain per bin: a voice's strong low harmonics must not look like a pure tone.
  const emphasis = Float64Array.from(power, (_, k) => 1 + 0.97 ** 2 - 2 * 0.97 * Math.cos((Math.PI * k) / (size / 2)));
  const band = { first: Math.ceil((PITCH_BAND_HZ[0] * size) / sampleRate), last: Math.floor((PITCH_BAND_HZ[1] * size) / sampleRate), smoothing: Math.round((WHITENING_HZ * size) / sampleRate) };
  const correlation = new Float64Array(maxLag + 2);
  const frames: FrameAnalysis[] = [];
  for (let start = 0; start + frameLength <= Math.max(samples.length, frameLength); start += hop) {
    let energy = 0;
    let peak = 0;
    fft.even.fill(0);
    fft.odd.fill(0);
    for (let n = 0; n < frameLength; n++) {
      const x = samples[start + n] ?? 0;
      energy += x * x;
      peak = Math.max(peak, Math.abs(x));
      if (n % 2 === 0) fft.even[n >> 1] = x * window[n];
      else fft.odd[n >> 1] = x * window[n];
    }
    const levelDb = energy > 0 ? 10 * Math.log10(energy / frameLength) : -200;
    fft.forward(re, im);
    for (let k = 0; k < re.length; k++) power[k] = re[k] * re[k] + im[k] * im[k];
    const concentration = tonalConcentration(power, emphasis);
    whitenedBand(power, band, re);
    im.fill(0);
    fft.inverseUnscaled(re, im);
    for (let lag = 0; lag < correlation.length; lag++) correlation[lag] = lag % 2 === 0 ? fft.even[lag >> 1] : fft.odd[lag >> 1];
    const { voicing, lag } = pitchPeak(correlation, windowCorrelation, minLag, maxLag);
    const crestFactor = energy > 0 ? peak / Math.sqrt(energy / frameLength) : 0;
    frames.push({ levelDb, voicing, pitchHz: lag > 0 ? sampleRate / lag : 0, concentration, crestFactor });
    if (samples.length < frameLength) break;
  }
  return frames;
}

/** Share of the pre-emphasised energy within two bins of the strongest bin (a Hann window's main lobe). */
function tonalConcentration(power: Float64Array, emphasis: Float64Array): number {
  let best = 0;
  let total = 0;
  for (let k = 0; k < power.length; k++) {
    const value = power[k] * emphasis[k];
    total += value;
    if (value > power[best] * emphasis[best]) best = k;
  }
  let sum = 0;
  for (let k = Math.max(0, best - 2); k <= Math.min(power.length - 1, best + 2); k++) sum += power[k] * emphasis[k];
  return total > 0 ? sum / total : 0;
}

/**
 * The power spectrum within the pitch band divided by its own moving average, into `out` (zero
 * elsewhere): harmonics stand out as peaks of like height whatever the spectrum's slope, and a
 * noise of any colour becomes flat, so its autocorrelation shows no pitch. Robust to noise as a
 * voice's low harmonics stand well above it.
 */
function whitenedBand(power: Float64Array, band: { readonly first: number; readonly last: number; readonly smoothing: number }, out: Float64Array): void {
  out.fill(0);
  let sum = 0;
  let count = 0;
  const lo = Math.max(0, band.first - band.smoothing);
  const hi = Math.min(power.length - 1, band.last + band.smoothing);
  for (let k = lo; k <= Math.min(hi, band.first + band.smoothing); k++) (sum += power[k]), count++;
  for (let k = band.first; k <= band.last; k++) {
    const enter = k + band.smoothing + 1;
    const leave = k - band.smoothing;
    out[k] = power[k] / (sum / count + 1e-20);
    if (enter <= hi) (sum += power[enter]), count++;
    if (leave >= lo) (sum -= power[leave]), count--;
  }
}

/** The highest local maximum of the normalised autocorrelation between the lags, at a fractional lag (parabolic). */
function pitchPeak(correlation: Float64Array, windowCorrelation: Float64Array, minLag: number, maxLag: number): { voicing: number; lag: number } {
  if (correlation[0] <= 0) return { voicing: 0, lag: 0 };
  const normalised = (lag: number) => correlation[lag] / correlation[0] / windowCorrelation[lag];
  let voicing = 0;
  let lag = 0;
  for (let tau = minLag; tau <= maxLag; tau++) {
    const value = normalised(tau);
    if (value <= voicing || value < normalised(tau - 1) || value < normalised(tau + 1)) continue;
    voicing = value;
    const [a, b, c] = [normalised(tau - 1), value, normalised(tau + 1)];
    const curvature = a - 2 * b + c;
    lag = curvature < 0 ? tau + (0.5 * (a - c)) / curvature : tau;
  }
  return { voicing: Math.min(1, voicing), lag };
}

/** Autocorrelation of the window normalised to 1 at lag 0: divides out the taper's bias. */
function autocorrelationOf(window: Float64Array): Float64Array {
  const result = new Float64Array(window.length);
  for (let lag = 0; lag < window.length; lag++) {
    let sum = 0;
    for (let n = lag; n < window.length; n++) sum += window[n] * window[n - lag];
    result[lag] = sum;
  }
  const zero = result[0];
  return result.map((value) => Math.max(value / zero, 1e-3));
}

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
