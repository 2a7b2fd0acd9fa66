import { type DspBackend, kernelFor } from '../dsp/wasm/dsp-kernel';
import { AnalysisWindow } from './analysis-window';
import { IstftSynthesis } from './istft-synthesis';
import { PhaseVocoder } from './phase-vocoder';
import { roundHalfEven } from './round-half-even';
import { StftAnalysis } from './stft-analysis';
import { stretchOnKernel } from './time-stretch-kernel';

/** librosa's stft defaults, which time_stretch uses: n_fft 2048, hop n_fft // 4. */
export const STRETCH_FFT_SIZE = 2048;
export const STRETCH_HOP = STRETCH_FFT_SIZE / 4;

/**
 * librosa.effects.time_stretch(y, rate=rate) (librosa 0.11, effects.py): stft → phase_vocoder →
 * istft(length=int(round(n / rate))), streamed frame by frame so the working set stays small.
 * rate > 1 is faster (shorter), rate < 1 slower (longer). Returns a new array of round(n / rate)
 * samples, ties to even as Python's round(). The wasm SIMD kernel (the default where it runs) and
 * the TypeScript path do the same float64 operations in the same order: their outputs are identical.
 */
export function timeStretch(samples: Float32Array, rate: number, backend: DspBackend = 'auto'): Float32Array {
  if (!(Number.isFinite(rate) && rate > 0)) throw new RangeError(`stretch rate must be positive and finite (got ${rate})`);
  const length = roundHalfEven(samples.length / rate);
  if (samples.length === 0) return new Float32Array(length);
  const analysisFrames = 1 + Math.floor(samples.length / STRETCH_HOP);
  // len(np.arange(0, frames, rate)) output frames, of which istft reads ceil((length + n_fft) / hop).
  const frameCount = Math.min(Math.ceil(analysisFrames / rate), Math.ceil((length + STRETCH_FFT_SIZE) / STRETCH_HOP));
  const kernel = kernelFor(backend, Math.max(samples.length, length));
  if (kernel) return stretchOnKernel(kernel, samples, rate, length, frameCount);
  return stretchInTypeScript(samples, rate, new IstftSynthesis(STRETCH_FFT_SIZE, STRETCH_HOP, length), frameCount);
}

function stretchInTypeScript(samples: Float32Array, rate: number, synthesis: IstftSynthesis, frameCount: number): Float32Array {
  const analysis = new StftAnalysis(samples, STRETCH_FFT_SIZE, STRETCH_HOP);
  const frames = new AnalysisWindow(analysis);
  const vocoder = new PhaseVocoder(frames.hereUnitRe, frames.hereUnitIm);
  const re = new Float64Array(STRETCH_FFT_SIZE / 2 + 1);
  const im = new Float64Array(STRETCH_FFT_SIZE / 2 + 1);
  for (let t = 0; t < frameCount; t++) {
    // np.arange(0, frames, rate) holds t·rate: numpy fills it as start + t·delta.
    const step = t * rate;
    const k = Math.floor(step);
    frames.moveTo(k);
    vocoder.nextFrame(step - k, frames.hereMagnitude, frames.nextMagnitude, frames.rotationRe, frames.rotationIm, re, im);
    synthesis.addFrame(re, im);
  }
  return synthesis.result();
}
