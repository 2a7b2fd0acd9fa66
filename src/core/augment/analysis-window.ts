import type { StftAnalysis } from './stft-analysis';

/**
 * What the phase vocoder reads for the output frames whose input position is in [k, k + 1): the
 * magnitudes |D| of input frames k and k + 1 (zero past the last frame) and the unit rotation
 * u[k + 1]·conj(u[k]) between them, u = e^{i·np.angle(D)} (1 where D = 0, as np.angle(0) = 0).
 * k only moves forward, and frames it skips are never computed.
 */
export class AnalysisWindow {
  hereMagnitude: Float64Array;
  nextMagnitude: Float64Array;
  readonly rotationRe: Float64Array;
  readonly rotationIm: Float64Array;
  /** u[k]. */
  hereUnitRe: Float64Array;
  hereUnitIm: Float64Array;
  private nextUnitRe: Float64Array;
  private nextUnitIm: Float64Array;
  private k = 0;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(private readonly analysis: StftAnalysis) {
    const binCount = analysis.fftSize / 2 + 1;
    const array = () => new Float64Array(binCount);
    this.re = array();
    this.im = array();
    this.hereMagnitude = array();
    this.nextMagnitude = array();
    this.rotationRe = array();
    this.rotationIm = array();
    this.hereUnitRe = array();
    this.hereUnitIm = array();
    this.nextUnitRe = array();
    this.nextUnitIm = array();
    this.loadHere(0);
    this.loadNext(1);
  }

  moveTo(k: number): void {
    if (k === this.k) return;
    if (k === this.k + 1) {
      [this.hereMagnitude, this.nextMagnitude] = [this.nextMagnitude, this.hereMagnitude];
      [this.hereUnitRe, this.nextUnitRe] = [this.nextUnitRe, this.hereUnitRe];
      [this.hereUnitIm, this.nextUnitIm] = [this.nextUnitIm, this.hereUnitIm];
    } else {
      this.loadHere(k);
    }
    this.loadNext(k + 1);
    this.k = k;
  }

  private loadHere(frame: number): void {
    const { re, im, hereMagnitude, hereUnitRe, hereUnitIm } = this;
    this.spectrum(frame);
    for (let b = 0; b < re.length; b++) {
      const m = Math.sqrt(re[b] * re[b] + im[b] * im[b]);
      hereMagnitude[b] = m;
      hereUnitRe[b] = 1;
      hereUnitIm[b] = 0;
      if (m > 0) {
        const scale = 1 / m;
        hereUnitRe[b] = re[b] * scale;
        hereUnitIm[b] = im[b] * scale;
      }
    }
  }

  /** Frame k + 1's magnitude and unit phasor, and the rotation to it from frame k, in one pass. */
  private loadNext(frame: number): void {
    const { re, im, nextMagnitude, nextUnitRe, nextUnitIm, hereUnitRe, hereUnitIm, rotationRe, rotationIm } = this;
    this.spectrum(frame);
    for (let b = 0; b < re.length; b++) {
      const m = Math.sqrt(re[b] * re[b] + im[b] * im[b]);
      let ur = 1;
      let ui = 0;
      if (m > 0) {
        const scale = 1 / m;
        ur = re[b] * scale;
        ui = im[b] * scale;
      }
      nextMagnitude[b] = m;
      nextUnitRe[b] = ur;
      nextUnitIm[b] = ui;
      rotationRe[b] = ur * hereUnitRe[b] + ui * hereUnitIm[b];
      rotationIm[b] = ui * hereUnitRe[b] - ur * hereUnitIm[b];
    }
  }

  /** Frame `frame` of the STFT into re/im; zeros past the last frame (librosa's padding). */
  private spectrum(frame: number): void {
    if (frame < this.analysis.frameCount) {
      this.analysis.spectrum(frame, this.re, this.im);
    } else {
      this.re.fill(0);
      this.im.fill(0);
    }
  }
}
