/**
 * librosa.phase_vocoder (librosa 0.11, core/spectrum.py), one output frame at a time. Output frame t
 * reads input frames k = floor(t·rate) and k + 1 (a zero frame past the end: librosa's
 * np.pad(D, [(0, 0), (0, 2)])); its magnitude is |D[k]| and |D[k + 1]| interpolated linearly by
 * alpha = t·rate - k, and its phase is librosa's accumulator
 *   phase_acc(0) = angle(D[0]),  phase_acc(t + 1) = phase_acc(t) + phi_advance + dphase,
 * dphase = angle(D[k + 1]) - angle(D[k]) - phi_advance wrapped to [-π, π], phi_advance = hop·2πb/n_fft.
 * phi_advance + dphase is angle(D[k + 1]) - angle(D[k]) less whole turns, so here the accumulator's
 * unit phasor e^{i·phase_acc} is turned by the unit rotation u[k + 1]·conj(u[k]) instead, u = D/|D|:
 * the same numbers in exact arithmetic (phase-vocoder.test.ts: > 150 dB SNR against a literal
 * transcription), with no trigonometry and no rounding that grows with the phase. This is librosa's
 * float64 arithmetic: for float32 audio librosa keeps phase_acc in float32, and emulating that
 * moves the output by -53 to -72 dB on the speech fixtures.
 */
export class PhaseVocoder {
  private readonly phasorRe: Float64Array;
  private readonly phasorIm: Float64Array;

  /** Starts the accumulator at the phase of input frame 0, given as its unit phasor. */
  constructor(unitRe: Float64Array, unitIm: Float64Array) {
    this.phasorRe = unitRe.slice();
    this.phasorIm = unitIm.slice();
  }

  /**
   * Writes the next output frame into re/im from the magnitudes of input frames k and k + 1 and the
   * rotation u[k + 1]·conj(u[k]) between them.
   */
  nextFrame(alpha: number, here: Float64Array, next: Float64Array, rotationRe: Float64Array, rotationIm: Float64Array, re: Float64Array, im: Float64Array): void {
    const { phasorRe, phasorIm } = this;
    for (let b = 0; b < phasorRe.length; b++) {
      const magnitude = (1 - alpha) * here[b] + alpha * next[b];
      const pr = phasorRe[b], pi = phasorIm[b];
      re[b] = magnitude * pr;
      im[b] = magnitude * pi;
      const rr = rotationRe[b], ri = rotationIm[b];
      phasorRe[b] = pr * rr - pi * ri;
      phasorIm[b] = pr * ri + pi * rr;
    }
  }
}
