import { describe, expect, it } from 'vitest';
import { calibrationReport, scoredConfidences } from '../metrics/calibration-error';
import { SeededRandom } from '../random/seeded-random';
import { fitCalibration } from './calibration';
import { answerOf, answerText } from './clip-answer';
import { applyTemperature, fitTemperature } from './temperature';
import { chooseUnsureThreshold, selectiveAccuracy } from './unsure-threshold';

/** Clips whose true class is drawn from the calibrated probabilities, reported sharpened by `overconfidence`. */
function overconfidentClips(count: number, overconfidence: number, seed = 1): { rows: number[][]; truth: number[] } {
  const random = new SeededRandom(seed);
  const rows: number[][] = [];
  const truth: number[] = [];
  for (let clip = 0; clip < count; clip++) {
    const weights = Array.from({ length: 7 }, () => Math.exp(2 * random.gaussian()));
    const honest = weights.map((weight) => weight / weights.reduce((a, b) => a + b, 0));
    let u = random.next();
    truth.push(Math.max(0, honest.findIndex((p) => (u -= p) < 0)));
    rows.push(applyTemperature(honest, 1 / overconfidence));
  }
  return { rows, truth };
}

describe('temperature scaling', () => {
  it('keeps the ranking and sums to 1', () => {
    const softened = applyTemperature([0.7, 0.2, 0.1], 2);
    expect(softened.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(softened[0]).toBeLessThan(0.7);
    expect(softened[0]).toBeGreaterThan(softened[1]);
    expect(applyTemperature([0.7, 0.2, 0.1], 1)).toEqual([0.7, 0.2, 0.1]);
    expect(applyTemperature([1, 0, 0], 2).every(Number.isFinite)).toBe(true);
  });

  it('recovers the temperature that made honest probabilities overconfident', () => {
    const { rows, truth } = overconfidentClips(4000, 2.5);
    expect(fitTemperature(rows, truth)).toBeCloseTo(2.5, 0);
    expect(Math.abs(fitTemperature(rows, truth) - 2.5)).toBeLessThan(0.25);
    expect(fitTemperature([], [])).toBe(1);
  });

  it('brings the expected calibration error of an overconfident model near 0', () => {
    const { rows, truth } = overconfidentClips(4000, 2.5);
    const fitted = fitCalibration(rows, truth);
    expect(fitted.validation.eceBefore).toBeGreaterThan(0.15);
    expect(fitted.validation.eceAfter).toBeLessThan(0.03);
    expect(fitted.validation.clips).toBe(4000);
    const held = overconfidentClips(4000, 2.5, 2);
    const after = calibrationReport(scoredConfidences(held.rows.map((row) => applyTemperature(row, fitted.temperature)), held.truth));
    expect(after.expectedCalibrationError).toBeLessThan(0.03);
  });
});

describe('expected calibration error', () => {
  it('is the bin-weighted gap between confidence and accuracy', () => {
    // 10 clips at 0.95 of which 5 right; 10 at 0.55 of which 5 right: gaps 0.45 and 0.05.
    const scored = [...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.95, correct: i < 5 })), ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.55, correct: i < 5 }))];
    const report = calibrationReport(scored);
    expect(report.expectedCalibrationError).toBeCloseTo(0.25, 10);
    expect(report.bins[9]).toMatchObject({ count: 10, accuracy: 0.5 });
    expect(report.bins[9].meanConfidence).toBeCloseTo(0.95, 10);
    expect(report.bins[5]).toMatchObject({ count: 10, accuracy: 0.5 });
    expect(calibrationReport([{ confidence: 1, correct: true }]).bins[9].count).toBe(1);
    expect(calibrationReport([]).expectedCalibrationError).toBe(0);
  });
});

describe('unsure', () => {
  it('chooses the lowest threshold whose answers reach the target accuracy, within its range', () => {
    const scored = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.55, 0.5, 0.45, 0.42].map((confidence, i) => ({ confidence, correct: [1, 1, 1, 0, 1, 0, 1, 0, 0, 0][i] === 1 }));
    // Answering down to 0.55 gets 5 of 7 right (0.71); down to 0.7, 4 of 5 (0.8).
    expect(chooseUnsureThreshold(scored, 0.75)).toBe(0.7);
    expect(selectiveAccuracy(scored, 0.7)).toEqual({ answered: 0.5, accuracy: 0.8 });
    expect(chooseUnsureThreshold(scored.map((s) => ({ ...s, correct: true })), 0.75)).toBe(0.42);
    expect(chooseUnsureThreshold(scored.map((s) => ({ ...s, correct: false })), 0.75)).toBe(0.9);
    expect(chooseUnsureThreshold([{ confidence: 0.2, correct: true }], 0.75)).toBe(0.4);
  });

  it('names the two likeliest emotions below the threshold', () => {
    const labels = ['anger', 'fear', 'sadness'];
    expect(answerOf(labels, [0.7, 0.2, 0.1], 0.5)).toEqual({ kind: 'emotion', label: 'anger', confidence: 0.7 });
    const unsure = answerOf(labels, [0.3, 0.45, 0.25], 0.5);
    expect(unsure).toEqual({ kind: 'unsure', likeliest: [{ label: 'fear', probability: 0.45 }, { label: 'anger', probability: 0.3 }] });
    expect(answerText(unsure)).toBe('unsure: fear or anger');
    expect(answerText({ kind: 'no-speech', reason: 'x' })).toBe('no speech found');
  });
});
