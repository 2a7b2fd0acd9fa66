import { dctMatrix } from './dct-matrix';
import { type FeatureConfig, frameCount } from './feature-config';
import type { FeatureMatrix } from './feature-matrix';
import { fixLength } from './fix-length';
import { periodicHann } from './hann-window';
import { type MelBand, melFilterbank } from './mel-filterbank';
import { powerToDbInPlace } from './power-to-db';
import { RealFft } from '../dsp/real-fft';
import { kernelSupports, WasmFeatureKernel } from './wasm/wasm-feature-kernel';

/**
 * 'wasm-simd': float32 like librosa, four frames per SIMD vector (the fast path, used wherever the
 * runtime has wasm SIMD); 'js': float64 in plain TypeScript, the fallback and a cross-check.
 */
export type FeatureBackend = 'wasm-simd' | 'js';

export interface ClipFeatures {
  /** Log-mel spectrogram in dB, frames x nMels. */
  readonly logMel: FeatureMatrix;
  /** MFCC, frames x nMfcc. */
  readonly mfcc: FeatureMatrix;
}

// Speed: the float64 path below takes about 9.6 ms for a 4.2 s clip in V8 (npm run bench -- features),
// slower than librosa's 5 ms; the wasm SIMD kernel is what makes us faster than librosa.
//
// Meyda (in our stack) was measured against librosa before writing this: its MFCC uses the HTK mel
// scale, ln(1 + x) instead of dB, an unnormalised DCT and 26 bands by default, so its coefficients
// differ from librosa's by tens to hundreds of units, and its per-frame `extract('mfcc')` takes
// 185-305 ms for a 4.2 s clip, against a few ms here (`npm run bench -- features` prints both).
// Models trained in Python with librosa must see the same numbers, so this path is librosa's.

/**
 * librosa's MFCC pipeline for one FeatureConfig, with every table (window, FFT, mel bands, DCT)
 * built once. Input is mono audio already at config.sampleRate.
 */
export class FeatureExtractor {
  readonly config: FeatureConfig;
  private readonly window: Float64Array;
  private readonly fft: RealFft;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly bands: MelBand[];
  private readonly dct: Float64Array;
  private readonly frame: Float64Array;
  private readonly spectrum: Float64Array;
  private readonly kernel: WasmFeatureKernel | null;
  readonly backend: FeatureBackend;

  constructor(config: FeatureConfig, backend: FeatureBackend | 'auto' = 'auto') {
    this.config = config;
    this.window = periodicHann(config.nFft);
    this.fft = new RealFft(config.nFft);
    this.re = new Float64Array(config.nFft / 2 + 1);
    this.im = new Float64Array(config.nFft / 2 + 1);
    this.bands = melFilterbank(config);
    this.dct = dctMatrix(config.nMfcc, config.nMels);
    this.frame = new Float64Array(config.nFft);
    this.spectrum = new Float64Array(config.nFft / 2 + 1);
    const useKernel = backend !== 'js' && kernelSupports(config);
    if (backend === 'wasm-simd' && !useKernel) throw new Error('wasm SIMD is not available for this config or runtime');
    this.kernel = useKernel ? new WasmFeatureKernel(config, this.window, this.bands, this.dct) : null;
    this.backend = useKernel ? 'wasm-simd' : 'js';
  }

  /** What the model reads of a clip (`config.modelInput`): its MFCC or its log-mel spectrogram. */
  modelInput(samples: Float32Array): FeatureMatrix {
    const features = this.extract(samples);
    return this.config.modelInput === 'log-mel' ? features.logMel : features.mfcc;
  }

  /** Log-mel and MFCC of a clip, after fixing its length when the config asks for it. */
  extract(samples: Float32Array): ClipFeatures {
    const clip = this.config.fixedLength === null ? samples : fixLength(samples, this.config.fixedLength);
    const { nMels, nMfcc } = this.config;
    if (this.kernel) {
      const out = this.kernel.extract(clip);
      return {
        logMel: { data: out.logMel, frames: out.frames, bins: nMels },
        mfcc: { data: out.mfcc, frames: out.frames, bins: nMfcc },
      };
    }
    const logMel = this.melPower(clip);
    const { dbReference, dbAmin, topDb } = this.config;
    powerToDbInPlace(logMel, dbReference, dbAmin, topDb);
    const frames = logMel.length / nMels;
    return {
      logMel: { data: Float32Array.from(logMel), frames, bins: nMels },
      mfcc: { data: this.cepstrum(logMel, frames), frames, bins: nMfcc },
    };
  }

  mfcc(samples: Float32Array): FeatureMatrix {
    return this.extract(samples).mfcc;
  }

  /** Mel power, frames x nMels, of a clip at its own length (centred frames, zero padding), in float64. */
  private melPower(samples: Float32Array): Float64Array {
    const { nMels, hopLength, power } = this.config;
    const frames = frameCount(this.config, samples.length);
    const mel = new Float64Array(frames * nMels);
    const { spectrum, bands } = this;
    for (let t = 0; t < frames; t++) {
      this.loadFrame(samples, t * hopLength - (this.config.center ? this.config.nFft >> 1 : 0));
      this.powerSpectrum();
      if (power !== 2) for (let k = 0; k < spectrum.length; k++) spectrum[k] = spectrum[k] ** (power / 2);
      const row = t * nMels;
      for (let m = 0; m < nMels; m++) {
        const { firstBin, weights } = bands[m];
        let sum = 0;
        for (let i = 0; i < weights.length; i++) sum += weights[i] * spectrum[firstBin + i];
        mel[row + m] = sum;
      }
    }
    return mel;
  }

  /** |X[k]|^2, k = 0..nFft/2, of the windowed frame, into `spectrum`. */
  private powerSpectrum(): void {
    const { fft, frame, re, im, spectrum } = this;
    for (let m = 0; m < fft.even.length; m++) {
      fft.even[m] = frame[2 * m];
      fft.odd[m] = frame[2 * m + 1];
    }
    fft.forward(re, im);
    for (let k = 0; k < spectrum.length; k++) spectrum[k] = re[k] * re[k] + im[k] * im[k];
  }

  /** Windowed samples start .. start + nFft - 1, zero outside the clip. */
  private loadFrame(samples: Float32Array, start: number): void {
    const { frame, window } = this;
    const size = frame.length;
    if (start >= 0 && start + size <= samples.length) {
      for (let n = 0; n < size; n++) frame[n] = samples[start + n] * window[n];
      return;
    }
    for (let n = 0; n < size; n++) {
      const i = start + n;
      frame[n] = i >= 0 && i < samples.length ? samples[i] * window[n] : 0;
    }
  }

  private cepstrum(logMel: Float64Array, frames: number): Float32Array {
    const { nMels, nMfcc } = this.config;
    const { dct } = this;
    const out = new Float32Array(frames * nMfcc);
    for (let t = 0; t < frames; t++) {
      const row = t * nMels;
      for (let k = 0; k < nMfcc; k++) {
        const basis = k * nMels;
        let sum = 0;
        for (let n = 0; n < nMels; n++) sum += dct[basis + n] * logMel[row + n];
        out[t * nMfcc + k] = sum;
      }
    }
    return out;
  }
}
