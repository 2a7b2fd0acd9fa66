import { THESIS_INPUT_SHAPE } from '../../src/core/model/thesis-cnn';
import type { LabelledFeatures } from '../../src/core/model/training-types';
import { SeededRandom } from '../../src/core/random/seeded-random';

const SAMPLE_SIZE = THESIS_INPUT_SHAPE[0] * THESIS_INPUT_SHAPE[1];

/** MFCC-scaled Gaussian noise of the thesis shape, labels cycling over the classes (as bench/train.ts). */
export function syntheticFeatures(count: number, classes: number): LabelledFeatures {
  const random = new SeededRandom(1);
  const features = new Float32Array(count * SAMPLE_SIZE);
  for (let i = 0; i < features.length; i++) features[i] = random.gaussian() * 10;
  return { features, labels: Int32Array.from({ length: count }, (_, i) => i % classes) };
}
