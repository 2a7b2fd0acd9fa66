import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT_SETTINGS, heldOutSideOf, holdOutSpeaker, previewSplit } from './split-settings';

const items = Array.from({ length: 20 }, (_, index) => ({
  label: index % 2 === 0 ? 'anger' : 'sadness',
  speaker: `s${index % 10}`,
  fingerprint: `f${index}`,
}));

describe('previewSplit', () => {
  it('splits with the default settings, by speaker', () => {
    const preview = previewSplit(items, DEFAULT_SPLIT_SETTINGS);
    if (!('split' in preview)) throw new Error(preview.problem);
    expect(preview.split.kind).toBe('speaker');
    expect(preview.split.assignments).toHaveLength(20);
  });

  it('turns shares that do not add up into a sentence', () => {
    const preview = previewSplit(items, { ...DEFAULT_SPLIT_SETTINGS, percents: { train: 70, validation: 20, test: 20 } });
    expect(preview).toEqual({ problem: expect.stringContaining('add up to 1') });
  });

  it('puts held-out speakers on their side and only there', () => {
    let settings = holdOutSpeaker(DEFAULT_SPLIT_SETTINGS, 's3', 'validation');
    settings = holdOutSpeaker(settings, 's7', 'test');
    const preview = previewSplit(items, settings);
    if (!('split' in preview)) throw new Error(preview.problem);
    const sidesOf = (speaker: string) => new Set(items.flatMap((item, index) => (item.speaker === speaker ? [preview.split.assignments[index]] : [])));
    expect(sidesOf('s3')).toEqual(new Set(['validation']));
    expect(sidesOf('s7')).toEqual(new Set(['test']));
    expect(preview.split.summary.sides.validation.speakers).toEqual(['s3']);
    expect(preview.split.summary.sides.test.speakers).toEqual(['s7']);
  });

  it('moves a held-out speaker between sides and back to shared', () => {
    const onValidation = holdOutSpeaker(DEFAULT_SPLIT_SETTINGS, 's1', 'validation');
    expect(heldOutSideOf(onValidation, 's1')).toBe('validation');
    const onTest = holdOutSpeaker(onValidation, 's1', 'test');
    expect(onTest.holdOut).toEqual({ validation: [], test: ['s1'] });
    expect(heldOutSideOf(holdOutSpeaker(onTest, 's1', null), 's1')).toBeNull();
  });
});
