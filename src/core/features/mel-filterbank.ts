import { type FeatureConfig, upperFrequency } from './feature-config';
import { melFrequencies } from './mel-scale';

/** One triangular mel band, stored sparsely: weights for FFT bins firstBin .. firstBin + weights.length - 1. */
export interface MelBand {
  readonly firstBin: number;
  readonly weights: Float64Array;
}

/**
 * librosa.filters.mel. Weights are rounded to float32 as librosa stores them (dtype=np.float32),
 * so our mel energies match to float32 precision.
 */
export function melFilterbank(config: FeatureConfig): MelBand[] {
  const binCount = 1 + config.nFft / 2;
  const binHz = Float64Array.from({ length: binCount }, (_, k) => (k * config.sampleRate) / config.nFft);
  const edges = melFrequencies(config.nMels + 2, config.fMin, upperFrequency(config), config.melScale);
  const bands: MelBand[] = [];
  for (let m = 0; m < config.nMels; m++) {
    const dense = new Float64Array(binCount);
    const norm = config.melNorm === 'slaney' ? 2 / (edges[m + 2] - edges[m]) : 1;
    for (let k = 0; k < binCount; k++) {
      const rising = (binHz[k] - edges[m]) / (edges[m + 1] - edges[m]);
      const falling = (edges[m + 2] - binHz[k]) / (edges[m + 2] - edges[m + 1]);
      const weight = Math.fround(Math.max(0, Math.min(rising, falling)));
      dense[k] = config.melNorm === 'slaney' ? Math.fround(weight * norm) : weight;
    }
    bands.push(sparse(dense));
  }
  return bands;
}

function sparse(dense: Float64Array): MelBand {
  let first = dense.findIndex((w) => w !== 0);
  if (first < 0) return { firstBin: 0, weights: new Float64Array(0) };
  let last = dense.length - 1;
  while (dense[last] === 0) last--;
  return { firstBin: first, weights: dense.slice(first, last + 1) };
}
