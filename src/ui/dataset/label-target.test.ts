import { describe, expect, it } from 'vitest';
import { defaultLabelMapping, mapLabel } from '../../core/dataset';
import { setLabelTarget } from './label-target';

describe('setLabelTarget', () => {
  it('sends a label to a class, or drops it', () => {
    const mapping = defaultLabelMapping(['calm', 'sadness', 'anger']);
    const kept = setLabelTarget(mapping, 'calm', 'calm');
    const merged = setLabelTarget(kept, 'sadness', 'neutral');
    const dropped = setLabelTarget(merged, 'anger', null);
    expect(['calm', 'sadness', 'anger'].map((label) => mapLabel(dropped, label))).toEqual(['calm', 'neutral', null]);
    expect(mapLabel(mapping, 'calm')).toBeNull();
  });
});
