import { sharedPeriodicHann } from './hann-table';
import { type RealFft, realFftOfSize } from '../dsp/real-fft';

/**
 * The frames of librosa.stft(y, n_fft, hop_length, window='hann', center=True,
 * pad_mode='constant'), computed on demand: frame t is the periodic-Hann-windowed
 * y[t·hop - n_fft/2, t·hop + n_fft/2), zeros outside y, and there are 1 + floor(n / hop) frames.
 * (librosa 0.11 pads the head and tail frames separately, which gives the same frames as padding
 * the whole signal.)
 */
export class StftAnalysis {
  readonly frameCount: number;
  private readonly fft: RealFft;
  private readonly window: Float64Array;

  constructor(
    private readonly samples: Float32Array,
    readonly fftSize: number,
    readonly hop: number,
  ) {
    this.frameCount = 1 + Math.floor(samples.length / hop);
    this.fft = realFftOfSize(fftSize);
    this.window = sharedPeriodicHann(fftSize);
  }

  /** Bins 0..n_fft/2 of frame t into re/im. */
  spectrum(t: number, re: Float64Array, im: Float64Array): void {
    const { samples, window, fftSize } = this;
    const { even, odd } = this.fft;
    const start = t * this.hop - (fftSize >> 1);
    if (start >= 0 && start + fftSize <= samples.length) {
      for (let m = 0, n = start; m < fftSize >> 1; m++, n += 2) {
        even[m] = window[2 * m] * samples[n];
        odd[m] = window[2 * m + 1] * samples[n + 1];
      }
    } else {
      this.packEdgeFrame(start);
    }
    this.fft.forward(re, im);
  }

  /** A frame that runs off either end of the signal: zeros there (pad_mode='constant'). */
  private packEdgeFrame(start: number): void {
    const { samples, window } = this;
    const { even, odd } = this.fft;
    for (let m = 0; m < this.fftSize; m++) {
      const n = start + m;
      const value = n >= 0 && n < samples.length ? window[m] * samples[n] : 0;
      if (m & 1) odd[m >> 1] = value;
      else even[m >> 1] = value;
    }
  }
}
