import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random';
import { applyAugmentation, type AugmentationSettings, type AugmentationSpec, DEFAULT_AUGMENTATION_SETTINGS, drawAugmentations } from './index';
import { voiced } from './test-signals';

const SR = 22050;

describe('drawAugmentations', () => {
  it('gives the same plan for the same seed and another for another seed', () => {
    const plan = drawAugmentations(DEFAULT_AUGMENTATION_SETTINGS, 12, SeededRandom.derive(1, 'clip-7'));
    expect(drawAugmentations(DEFAULT_AUGMENTATION_SETTINGS, 12, SeededRandom.derive(1, 'clip-7'))).toEqual(plan);
    expect(drawAugmentations(DEFAULT_AUGMENTATION_SETTINGS, 12, SeededRandom.derive(2, 'clip-7'))).not.toEqual(plan);
  });

  it('cycles through the chosen kinds and draws every parameter from its range', () => {
    const settings: AugmentationSettings = {
      ...DEFAULT_AUGMENTATION_SETTINGS,
      kinds: ['pitch', 'noise', 'shift', 'stretch'],
      pitch: { semitones: { min: -2, max: 2 }, step: 0.5 },
    };
    const plan = drawAugmentations(settings, 400, new SeededRandom(3));
    expect(plan.slice(0, 5).map((spec) => spec.kind)).toEqual(['pitch', 'noise', 'shift', 'stretch', 'pitch']);
    const pitches = new Set<number>();
    for (const spec of plan) {
      switch (spec.kind) {
        case 'noise':
          expect(spec.snrDb).toBeGreaterThanOrEqual(15);
          expect(spec.snrDb).toBeLessThanOrEqual(30);
          break;
        case 'stretch':
          expect(spec.rate).toBeGreaterThanOrEqual(0.8);
          expect(spec.rate).toBeLessThanOrEqual(1.25);
          break;
        case 'pitch':
          pitches.add(spec.semitones);
          break;
        case 'shift':
          expect(Math.abs(spec.seconds)).toBeLessThanOrEqual(0.5);
          expect(spec.mode).toBe('roll');
          break;
      }
    }
    // A half-semitone grid on [-2, 2]: 9 values, all drawn.
    expect([...pitches].sort((a, b) => a - b)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
  });

  it('draws semitones uniformly from the range when the step is 0 (the default)', () => {
    const settings: AugmentationSettings = { ...DEFAULT_AUGMENTATION_SETTINGS, kinds: ['pitch'] };
    const semitones = drawAugmentations(settings, 1000, new SeededRandom(4)).map((spec) => (spec.kind === 'pitch' ? spec.semitones : Number.NaN));
    expect(new Set(semitones).size).toBe(1000);
    expect(Math.min(...semitones)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...semitones)).toBeLessThanOrEqual(2);
    expect(Math.abs(semitones.reduce((sum, s) => sum + s, 0) / 1000)).toBeLessThan(0.15);
  });

  it('draws nothing without kinds, and rejects bad counts, ranges and steps', () => {
    expect(drawAugmentations({ ...DEFAULT_AUGMENTATION_SETTINGS, kinds: [] }, 5, new SeededRandom(1))).toEqual([]);
    expect(() => drawAugmentations(DEFAULT_AUGMENTATION_SETTINGS, -1, new SeededRandom(1))).toThrow(RangeError);
    expect(() => drawAugmentations(DEFAULT_AUGMENTATION_SETTINGS, 1.5, new SeededRandom(1))).toThrow(RangeError);
    const inverted: AugmentationSettings = { ...DEFAULT_AUGMENTATION_SETTINGS, kinds: ['noise'], noise: { snrDb: { min: 30, max: 15 } } };
    expect(() => drawAugmentations(inverted, 1, new SeededRandom(1))).toThrow(RangeError);
    const offGrid: AugmentationSettings = { ...DEFAULT_AUGMENTATION_SETTINGS, kinds: ['pitch'], pitch: { semitones: { min: 0.1, max: 0.4 }, step: 0.5 } };
    expect(() => drawAugmentations(offGrid, 1, new SeededRandom(1))).toThrow(RangeError);
  });
});

describe('applyAugmentation', () => {
  const clip = voiced(SR, 12000);
  const specs: AugmentationSpec[] = [
    { kind: 'noise', snrDb: 20 },
    { kind: 'stretch', rate: 0.9 },
    { kind: 'pitch', semitones: -1.5 },
    { kind: 'shift', seconds: 0.1, mode: 'zero-fill' },
  ];

  for (const spec of specs) {
    it(`${spec.kind}: same seed, same samples; input never changed`, () => {
      const copy = clip.slice();
      const first = applyAugmentation(clip, SR, spec, SeededRandom.derive(5, 'clip'));
      expect(applyAugmentation(clip, SR, spec, SeededRandom.derive(5, 'clip'))).toEqual(first);
      expect(first).not.toBe(clip);
      expect(clip).toEqual(copy);
      expect(first.length).toBe(spec.kind === 'stretch' ? Math.round(12000 / 0.9) : 12000);
    });
  }

  it('noise differs between seeds; the other kinds do not draw at all', () => {
    const noise = specs[0];
    expect(applyAugmentation(clip, SR, noise, new SeededRandom(1))).not.toEqual(applyAugmentation(clip, SR, noise, new SeededRandom(2)));
    for (const spec of specs.slice(1)) {
      expect(applyAugmentation(clip, SR, spec, new SeededRandom(1))).toEqual(applyAugmentation(clip, SR, spec, new SeededRandom(2)));
    }
  });

  it('applies a drawn plan the same way twice', () => {
    const plan = drawAugmentations(DEFAULT_AUGMENTATION_SETTINGS, 4, SeededRandom.derive(9, 'clip-3#plan'));
    const run = () => plan.map((spec, i) => applyAugmentation(clip, SR, spec, SeededRandom.derive(9, `clip-3#${i}`)));
    expect(run()).toEqual(run());
  });
});
