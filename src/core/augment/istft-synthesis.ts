import { sharedPeriodicHann } from './hann-table';
import { type RealFft, realFftOfSize } from '../dsp/real-fft';
import { normaliseByWindowSum } from './window-sum-square';

/**
 * librosa.istft(D, hop_length, window='hann', center=True, length=length) (librosa 0.11), fed one
 * frame at a time: frame t is irfft'd, windowed and added at t·hop - n_fft/2 (what falls outside
 * [0, length) is dropped); at the end every sample whose window_sumsquare (over the frames added) is
 * above float32's tiny is divided by it. librosa uses only the first
 * min(frames, ceil((length + n_fft) / hop)) frames: `frameLimit`.
 */
export class IstftSynthesis {
  private readonly fft: RealFft;
  private readonly window: Float64Array;
  private readonly sum: Float64Array;
  private framesAdded = 0;

  constructor(
    private readonly fftSize: number,
    private readonly hop: number,
    private readonly length: number,
  ) {
    if (hop % 2 !== 0) throw new RangeError(`hop must be even (got ${hop})`);
    this.fft = realFftOfSize(fftSize);
    this.window = sharedPeriodicHann(fftSize);
    this.sum = new Float64Array(length);
  }

  /** How many frames librosa's istft reads. */
  frameLimit(): number {
    return Math.ceil((this.length + this.fftSize) / this.hop);
  }

  /** Adds the next frame, bins 0..n_fft/2 in re/im. */
  addFrame(re: Float64Array, im: Float64Array): void {
    const { window, sum } = this;
    const { even, odd } = this.fft;
    this.fft.inverseUnscaled(re, im);
    const start = this.framesAdded * this.hop - (this.fftSize >> 1);
    const to = Math.min(this.fftSize, this.length - start);
    // start is even (hop and n_fft/2 are), so sample m of the frame is even[m/2] or odd[(m-1)/2].
    let m = Math.max(0, -start);
    for (; m + 1 < to; m += 2) {
      sum[start + m] += window[m] * even[m >> 1];
      sum[start + m + 1] += window[m + 1] * odd[m >> 1];
    }
    if (m < to) sum[start + m] += window[m] * even[m >> 1];
    this.framesAdded++;
  }

  /** The signal: the sum normalised by the window's, with irfft's 1/n_fft. */
  result(): Float32Array {
    return normaliseByWindowSum(this.sum, this.fftSize, this.fftSize, this.hop, this.framesAdded);
  }
}
