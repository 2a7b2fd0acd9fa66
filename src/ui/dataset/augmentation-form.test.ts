import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENTATION_PLAN, describeSpec, settingsProblems, withKind } from './augmentation-form';

describe('augmentation form', () => {
  it('describes each kind of copy in words', () => {
    expect(describeSpec({ kind: 'noise', snrDb: 22.44 })).toBe('noise at 22.4 dB SNR');
    expect(describeSpec({ kind: 'stretch', rate: 0.8 })).toBe('time stretch by 0.80 (slower)');
    expect(describeSpec({ kind: 'pitch', semitones: 2 })).toBe('pitch shift by +2.00 semitones');
    expect(describeSpec({ kind: 'shift', seconds: -0.25, mode: 'zero-fill' })).toBe('time shift by -0.25 s (zero filled)');
  });

  it('turns kinds on and off in the form order', () => {
    const plan = withKind(withKind(DEFAULT_AUGMENTATION_PLAN, 'shift', false), 'stretch', false);
    expect(plan.settings.kinds).toEqual(['noise', 'pitch']);
    expect(withKind(plan, 'shift', true).settings.kinds).toEqual(['noise', 'pitch', 'shift']);
    expect(withKind(withKind(plan, 'shift', true), 'stretch', true).settings.kinds).toEqual(['noise', 'stretch', 'pitch', 'shift']);
  });

  it('finds reversed and out-of-range ranges of the kinds in use only', () => {
    const settings = withKind(DEFAULT_AUGMENTATION_PLAN, 'stretch', false).settings;
    expect(settingsProblems(settings)).toEqual([]);
    expect(settingsProblems({ ...settings, noise: { snrDb: { min: 30, max: 10 } } })).toEqual(['Noise: the lowest value must not be above the highest.']);
    expect(settingsProblems({ ...settings, pitch: { ...settings.pitch, semitones: { min: -24, max: 2 } } })).toEqual(['Pitch shift: use values from -12 to 12.']);
    expect(settingsProblems({ ...settings, stretch: { rate: { min: 3, max: 1 } } })).toEqual([]);
  });
});
