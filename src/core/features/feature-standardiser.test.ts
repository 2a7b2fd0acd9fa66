import { describe, expect, it } from 'vitest';
import type { FeatureMatrix } from './feature-matrix';
import { FeatureStandardiser } from './feature-standardiser';

/** A time-major matrix from rows of frames. */
const matrix = (rows: number[][]): FeatureMatrix => ({ data: Float32Array.from(rows.flat()), frames: rows.length, bins: rows[0]?.length ?? 0 });

describe('FeatureStandardiser.fit', () => {
  it('takes each coefficient over every frame of every matrix (population std)', () => {
    // Bin 0 holds 1, 3, 5: mean 3, variance (4 + 0 + 4) / 3. Bin 1 holds 10, 10, 10: constant.
    const standardiser = FeatureStandardiser.fit([matrix([[1, 10], [3, 10]]), matrix([[5, 10]])]);
    expect(Array.from(standardiser.mean)).toEqual([3, 10]);
    expect(standardiser.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 15);
    expect(standardiser.std[1]).toBe(1);
    expect(standardiser.bins).toBe(2);
  });

  it('agrees with a direct float64 computation over uneven matrices', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 400 - 250;
    const matrices = [3, 182, 1, 57, 182].map((frames) => matrix(Array.from({ length: frames }, () => [next(), next() * 0.01, next() + 600])));
    const standardiser = FeatureStandardiser.fit(matrices);
    for (let bin = 0; bin < 3; bin++) {
      const values = matrices.flatMap((item) => Array.from({ length: item.frames }, (_, frame) => item.data[frame * 3 + bin]));
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
      expect(standardiser.mean[bin]).toBeCloseTo(mean, 11);
      expect(standardiser.std[bin] / Math.sqrt(variance)).toBeCloseTo(1, 13);
    }
  });

  it('keeps a small spread exact on values far from zero, where the sum of squares loses it', () => {
    // 15 000 000 and 15 000 001 alternate (both exact in float32): mean 15 000 000.5, std 0.5 exactly.
    const frames = Array.from({ length: 182 }, (_, frame) => [15_000_000 + (frame % 2), -15_000_000 - (frame % 2)]);
    const standardiser = FeatureStandardiser.fit(Array.from({ length: 60 }, () => matrix(frames)));
    expect(Array.from(standardiser.mean)).toEqual([15_000_000.5, -15_000_000.5]);
    expect(Array.from(standardiser.std)).toEqual([0.5, 0.5]);
  });

  it('gives a constant coefficient a std of 1, so applying it only subtracts the mean', () => {
    const standardiser = FeatureStandardiser.fit(Array.from({ length: 7 }, () => matrix([[0.1, 0.1, 1], [0.1, 0.1, 2], [0.1, 0.1, 3]])));
    expect(standardiser.std[0]).toBe(1);
    expect(standardiser.std[1]).toBe(1);
    expect(standardiser.std[2]).toBeCloseTo(Math.sqrt(2 / 3), 15);
  });

  it('refuses no frames, mixed coefficient counts and a matrix whose data does not fit its shape', () => {
    expect(() => FeatureStandardiser.fit([])).toThrow(/no frames/);
    expect(() => FeatureStandardiser.fit([{ data: new Float32Array(0), frames: 0, bins: 40 }])).toThrow(/no frames/);
    expect(() => FeatureStandardiser.fit([matrix([[1, 2]]), matrix([[1, 2, 3]])])).toThrow(/3 coefficients, expected 2/);
    expect(() => FeatureStandardiser.fit([{ data: new Float32Array(5), frames: 2, bins: 2 }])).toThrow(/holds 5 values/);
  });
});

describe('FeatureStandardiser.apply', () => {
  it('returns a new standardised matrix and leaves its input as it was', () => {
    const training = matrix([[1, 10], [3, 10], [5, 10]]);
    const standardiser = FeatureStandardiser.fit([training]);
    const result = standardiser.apply(training);
    const z = 2 / Math.sqrt(8 / 3);
    expect(result.frames).toBe(3);
    expect(result.bins).toBe(2);
    expect(Array.from(result.data)).toEqual(Array.from(Float32Array.of(-z, 0, 0, 0, z, 0)));
    expect(Array.from(training.data)).toEqual([1, 10, 3, 10, 5, 10]);
    expect(result.data).not.toBe(training.data);
  });

  it('gives training data mean 0 and std 1 per coefficient', () => {
    const matrices = [matrix([[-3, 100], [9, 140]]), matrix([[4, 90], [0, 130], [2, 120]])];
    const standardiser = FeatureStandardiser.fit(matrices);
    const values = matrices.map((item) => standardiser.apply(item)).flatMap((item) => Array.from(item.data));
    for (let bin = 0; bin < 2; bin++) {
      const column = values.filter((_, index) => index % 2 === bin);
      const mean = column.reduce((sum, value) => sum + value, 0) / column.length;
      const variance = column.reduce((sum, value) => sum + (value - mean) ** 2, 0) / column.length;
      expect(mean).toBeCloseTo(0, 6);
      expect(variance).toBeCloseTo(1, 6);
    }
  });

  it('refuses a matrix with another number of coefficients', () => {
    const standardiser = FeatureStandardiser.fit([matrix([[1, 2]])]);
    expect(() => standardiser.apply(matrix([[1, 2, 3]]))).toThrow(/3 coefficients, expected 2/);
  });
});

describe('FeatureStandardiser JSON', () => {
  it('round-trips through JSON text', () => {
    const standardiser = FeatureStandardiser.fit([matrix([[1, -2.5, 7], [4, 0.25, 7], [-6, 3, 7]])]);
    const text = JSON.stringify(standardiser);
    expect(JSON.parse(text)).toEqual({ mean: Array.from(standardiser.mean), std: Array.from(standardiser.std) });
    const parsed = FeatureStandardiser.fromJSON(JSON.parse(text), 3);
    expect(parsed.mean).toEqual(standardiser.mean);
    expect(parsed.std).toEqual(standardiser.std);
  });

  it('turns a std of 0 into 1', () => {
    expect(Array.from(FeatureStandardiser.fromJSON({ mean: [1, 2], std: [0, 3] }).std)).toEqual([1, 3]);
  });

  it('refuses what is not a valid standardiser', () => {
    const refuse = (json: unknown, pattern: RegExp, bins?: number) => expect(() => FeatureStandardiser.fromJSON(json, bins)).toThrow(pattern);
    refuse(null, /expected an object/);
    refuse('{"mean":[1]}', /expected an object/);
    refuse({ mean: [1, 2] }, /"std" must be an array/);
    refuse({ mean: [1, 2], std: [1] }, /"mean" has 2 values and "std" 1/);
    refuse({ mean: [], std: [] }, /not be empty/);
    refuse(JSON.parse(JSON.stringify({ mean: [1, NaN], std: [1, 1] })), /"mean" at 1 is not a finite number \(null\)/);
    refuse({ mean: [1, 2], std: [1, Number.NaN] }, /"std" at 1 is not a finite number/);
    refuse({ mean: [1, Infinity], std: [1, 1] }, /"mean" at 1/);
    refuse({ mean: ['1'], std: [1] }, /"mean" at 0/);
    refuse({ mean: [1, 2], std: [1, -0.5] }, /"std" at 1 is negative/);
    refuse({ mean: [1, 2], std: [1, 1] }, /2 coefficients, but the features have 40/, 40);
  });
});
