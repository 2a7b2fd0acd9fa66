import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random';
import { IstftSynthesis } from './istft-synthesis';
import { roundHalfEven } from './round-half-even';
import { StftAnalysis } from './stft-analysis';
import { voiced } from './test-signals';
import { timeStretch } from './time-stretch';

/**
 * librosa.effects.time_stretch with librosa 0.11's phase_vocoder transcribed line by line (np.angle,
 * phi_advance, the np.round wrap, phase_acc, util.phasor), in float64.
 */
function literalTimeStretch(samples: Float32Array, rate: number): Float32Array {
  const analysis = new StftAnalysis(samples, 2048, 512);
  const bins = 1025;
  const re: Float64Array[] = [];
  const im: Float64Array[] = [];
  for (let t = 0; t < analysis.frameCount; t++) {
    re.push(new Float64Array(bins));
    im.push(new Float64Array(bins));
    analysis.spectrum(t, re[t], im[t]);
  }
  re.push(new Float64Array(bins), new Float64Array(bins)); // np.pad(D, [(0, 0), (0, 2)])
  im.push(new Float64Array(bins), new Float64Array(bins));
  const angle = (t: number, b: number) => Math.atan2(im[t][b], re[t][b]);
  const phiAdvance = Float64Array.from({ length: bins }, (_, b) => 512 * ((2 * Math.PI * b) / 2048));
  const phaseAcc = Float64Array.from({ length: bins }, (_, b) => angle(0, b));
  const length = roundHalfEven(samples.length / rate);
  const synthesis = new IstftSynthesis(2048, 512, length);
  const frameCount = Math.min(Math.ceil(analysis.frameCount / rate), synthesis.frameLimit());
  const outRe = new Float64Array(bins);
  const outIm = new Float64Array(bins);
  for (let t = 0; t < frameCount; t++) {
    const step = t * rate;
    const k = Math.floor(step);
    const alpha = step % 1;
    for (let b = 0; b < bins; b++) {
      const magnitude = (1 - alpha) * Math.hypot(re[k][b], im[k][b]) + alpha * Math.hypot(re[k + 1][b], im[k + 1][b]);
      outRe[b] = magnitude * Math.cos(phaseAcc[b]);
      outIm[b] = magnitude * Math.sin(phaseAcc[b]);
      let dphase = angle(k + 1, b) - angle(k, b) - phiAdvance[b];
      dphase -= 2 * Math.PI * roundHalfEven(dphase / (2 * Math.PI));
      phaseAcc[b] += phiAdvance[b] + dphase;
    }
    synthesis.addFrame(outRe, outIm);
  }
  return synthesis.result();
}

function snrDb(reference: Float32Array, test: Float32Array): number {
  let signal = 0;
  let error = 0;
  for (let i = 0; i < reference.length; i++) {
    signal += reference[i] ** 2;
    error += (test[i] - reference[i]) ** 2;
  }
  return 10 * Math.log10(signal / error);
}

describe("the phase vocoder's rotation form", () => {
  it("equals librosa's phase accumulator, transcribed literally, to float64 round-off (> 150 dB SNR)", () => {
    const random = new SeededRandom(5);
    const speechLike = voiced(22050, 30000);
    const noisy = speechLike.map((value) => value + 0.05 * random.gaussian());
    for (const samples of [speechLike, noisy]) {
      for (const rate of [0.5, 0.8, 2 ** (-2 / 12), 1, 1.25, 2]) {
        const expected = literalTimeStretch(samples, rate);
        const actual = timeStretch(samples, rate);
        expect(actual.length).toBe(expected.length);
        expect(snrDb(expected, actual), `rate ${rate}`).toBeGreaterThan(150);
      }
    }
  });
});
