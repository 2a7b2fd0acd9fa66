import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT_SETTINGS, previewSplit } from './split-settings';

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
});
