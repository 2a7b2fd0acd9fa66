import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/core/random/seeded-random';
import { packFeatures } from '../training-data/packed-features';
import { fitStandardiser, packedRows, standardiseInPlace } from './standardise-packed';

function randomPacked(rows: number, seed: number) {
  const random = new SeededRandom(seed);
  const matrices = Array.from({ length: rows }, (_, row) => ({
    matrix: { data: Float32Array.from({ length: 6 * 4 }, (_, i) => 50 * (i % 4) + 10 * random.gaussian()), frames: 6, bins: 4 },
    label: row % 2,
    item: row,
    augmented: false,
  }));
  return packFeatures(matrices, 6, 4);
}

describe('standardising packed features', () => {
  it('gives every coefficient of the training rows mean 0 and std 1, as FeatureStandardiser.apply does row by row', () => {
    const train = randomPacked(20, 3);
    const standardiser = fitStandardiser(train);
    const expected = [...packedRows(train)].map((row) => standardiser.apply(row).data);
    standardiseInPlace(train, standardiser);
    [...packedRows(train)].forEach((row, index) => {
      for (let i = 0; i < row.data.length; i++) expect(row.data[i]).toBeCloseTo(expected[index][i], 5);
    });
    for (let bin = 0; bin < 4; bin++) {
      const values = [...packedRows(train)].flatMap((row) => Array.from({ length: 6 }, (_, frame) => row.data[frame * 4 + bin]));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
      expect(mean).toBeCloseTo(0, 5);
      expect(variance).toBeCloseTo(1, 4);
    }
  });

  it('refuses a normalisation of another width', () => {
    const other = packFeatures([{ matrix: { data: new Float32Array(6 * 5), frames: 6, bins: 5 }, label: 0, item: 0, augmented: false }], 6, 5);
    expect(() => standardiseInPlace(other, fitStandardiser(randomPacked(3, 1)))).toThrow('The normalisation has 4 coefficients, the features 5.');
  });
});
